package fr.espacesante.messaging;

import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.ApiRequest;
import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller.Citizen;
import fr.espacesante.aws.http.Caller.Professional;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.Fields;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.access.InvalidRppsException;
import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.family.Representation;
import fr.espacesante.domain.messaging.Conversation;
import fr.espacesante.domain.messaging.Message;
import fr.espacesante.domain.messaging.SecureMessaging;
import fr.espacesante.domain.messaging.port.out.Conversations;
import fr.espacesante.domain.nir.Nir;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The messaging API: the patient side under {@code /espace/messages…} (citizen token; a parent with
 * {@code ?enfant=}, a caregiver with {@code ?aide=}), professionals under {@code /pro/messages…}
 * (patient by INS in the body, never in a path).
 */
final class MessagingRoutes {

    static final String INBOX = "GET /espace/messages";
    static final String START = "POST /espace/messages";
    static final String OPEN = "GET /espace/messages/{conversationId}";
    static final String REPLY = "POST /espace/messages/{conversationId}";
    static final String DELETE = "DELETE /espace/messages/{conversationId}";
    static final String ATTACHMENT = "GET /espace/messages/{conversationId}/pieces-jointes/{documentId}";
    static final String SAVE = "POST /espace/messages/{conversationId}/pieces-jointes/{documentId}/enregistrement";
    static final String PRO_START = "POST /pro/messages";
    static final String PRO_INBOX = "GET /pro/messages";
    static final String PRO_OPEN = "GET /pro/messages/{conversationId}";
    static final String PRO_REPLY = "POST /pro/messages/{conversationId}";
    static final String PRO_END = "POST /pro/messages/{conversationId}/fin";
    static final String PRO_ATTACHMENT = "GET /pro/messages/{conversationId}/pieces-jointes/{documentId}";
    static final String PRO_SETTINGS = "PUT /pro/messages/reglages";

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final SecureMessaging messaging;
    private final Representation representation;

    MessagingRoutes(SecureMessaging messaging, Representation representation) {
        this.messaging = messaging;
        this.representation = representation;
    }

    HttpFunction routes(Callers callers) {
        return new HttpFunction(callers)
                .on(INBOX, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(InboxView.of(messaging.inbox(acting.actor(), acting.spaceKey(), limit(request),
                            request.query("curseur"))));
                })
                .on(START, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    JsonNode body = request.jsonBody();
                    return ApiResponse.created(SentView.of(messaging.startAsPatient(acting.actor(), acting.spaceKey(),
                            InvalidRppsException.require(Fields.text(body, "rpps", 11)), Fields.text(body, "sujet", 200),
                            outgoing(body))));
                })
                .on(OPEN, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(ThreadView.of(messaging.open(acting.actor(), acting.spaceKey(), conversationId(request),
                            limit(request), request.query("curseur"))));
                })
                .on(REPLY, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.created(SentView.of(messaging.reply(acting.actor(), acting.spaceKey(),
                            conversationId(request), outgoing(request.jsonBody()))));
                })
                .on(DELETE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    messaging.delete(acting.actor(), acting.spaceKey(), conversationId(request));
                    return ApiResponse.ok(Map.of("supprimee", true));
                })
                .on(ATTACHMENT, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(Map.of("url", messaging.attachment(acting.actor(), acting.spaceKey(),
                            conversationId(request), documentId(request)).toString()));
                })
                .on(SAVE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    DocumentCategory category = DocumentCategory.fromId(Fields.text(request.jsonBody(), "categorie", 64))
                            .orElseThrow(() -> ApiError.invalid("CATEGORIE_INCONNUE", "Catégorie inconnue."));
                    Document saved = messaging.save(acting.actor(), acting.spaceKey(), conversationId(request),
                            documentId(request), category);
                    return ApiResponse.created(new SavedView(saved.documentId(), saved.title(), saved.category().id()));
                })
                .on(PRO_START, Professional.class, (pro, request) -> {
                    JsonNode body = request.jsonBody();
                    return ApiResponse.created(SentView.of(messaging.start(pro.actor(), Nir.parse(Fields.text(body, "ins", 30)),
                            Fields.text(body, "sujet", 200), outgoing(body),
                            Fields.optionalBool(body, "masqueAuxRepresentants").orElse(false))));
                })
                .on(PRO_INBOX, Professional.class, (pro, request) ->
                        ApiResponse.ok(InboxView.of(messaging.professionalInbox(pro.actor(), limit(request), request.query("curseur")))))
                .on(PRO_OPEN, Professional.class, (pro, request) -> ApiResponse.ok(ThreadView.of(messaging.readAsProfessional(
                        pro.actor(), conversationId(request), limit(request), request.query("curseur")))))
                .on(PRO_REPLY, Professional.class, (pro, request) -> ApiResponse.created(SentView.of(
                        messaging.replyAsProfessional(pro.actor(), conversationId(request), outgoing(request.jsonBody())))))
                .on(PRO_END, Professional.class, (pro, request) -> {
                    request.jsonBody();
                    return ApiResponse.ok(ConversationView.of(messaging.end(pro.actor(), conversationId(request))));
                })
                .on(PRO_ATTACHMENT, Professional.class, (pro, request) -> ApiResponse.ok(Map.of("url",
                        messaging.attachmentAsProfessional(pro.actor(), conversationId(request), documentId(request)).toString())))
                .on(PRO_SETTINGS, Professional.class, (pro, request) -> {
                    boolean accepts = Fields.bool(request.jsonBody(), "accepteMessagesPatients");
                    messaging.acceptPatientMessages(pro.actor(), accepts);
                    return ApiResponse.ok(Map.of("accepteMessagesPatients", accepts));
                });
    }

    private Representation.Acting acting(Citizen citizen, ApiRequest request) {
        return representation.actingIn(citizen.subject(), Fields.childReference(request), Fields.helpedReference(request));
    }

    /** Text, documents of the space ({@code documents}: ids), new files ({@code fichiers}: title, type, size). */
    private static SecureMessaging.Outgoing outgoing(JsonNode body) {
        List<String> documents = new ArrayList<>();
        for (JsonNode id : array(body, "documents")) {
            documents.add(Fields.identifier(Optional.ofNullable(id.isString() ? id.asString() : null), "documents", UUID_SHAPE));
        }
        List<SecureMessaging.NewFile> files = new ArrayList<>();
        for (JsonNode file : array(body, "fichiers")) {
            if (!file.isObject()) {
                throw ApiError.invalid("CHAMP_INVALIDE", "Chaque fichier décrit son titre, son type et sa taille.");
            }
            files.add(new SecureMessaging.NewFile(Fields.text(file, "titre", 200), Fields.text(file, "typeContenu", 100),
                    Fields.number(file, "taille", 1, SecureMessaging.MAX_ATTACHMENT_SIZE)));
        }
        if (documents.size() + files.size() > SecureMessaging.MAX_ATTACHMENTS) {
            throw ApiError.invalid("TROP_DE_PIECES_JOINTES", "Un message porte 5 pièces jointes au plus.");
        }
        return new SecureMessaging.Outgoing(Fields.paragraph(body, "texte", SecureMessaging.MAX_TEXT), documents, files);
    }

    private static List<JsonNode> array(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > SecureMessaging.MAX_ATTACHMENTS) {
            throw ApiError.invalid("TROP_DE_PIECES_JOINTES", "« " + field + " » est une liste de 5 éléments au plus.");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static String conversationId(ApiRequest request) {
        return Fields.identifier(request.pathParameter("conversationId"), "conversationId", UUID_SHAPE);
    }

    private static String documentId(ApiRequest request) {
        return Fields.identifier(request.pathParameter("documentId"), "documentId", UUID_SHAPE);
    }

    private static int limit(ApiRequest request) {
        return Fields.limit(request.query("limite"), DEFAULT_PAGE, MAX_PAGE);
    }

    record Party(String rpps, String nom) {
    }

    record ConversationView(String id, String sujet, Party professionnel, String patient, String etat, String fin,
                            boolean peutRepondre, int nonLus, int nonLusProfessionnel, String dernierMessageLe,
                            boolean masqueAuxRepresentants) {
        static ConversationView of(Conversation c) {
            return new ConversationView(c.conversationId(), c.subject(), new Party(c.professionalRpps(), c.professionalName()),
                    c.patientName(), c.ended() ? "TERMINEE" : "OUVERTE",
                    c.ended() ? c.professionalName().split(" — ")[0] + " a mis fin aux échanges" : null, !c.ended(),
                    c.unreadByPatient(), c.unreadByProfessional(), c.lastMessageAt().toString(), c.hiddenFromRepresentatives());
        }
    }

    record AttachmentView(String id, String titre, String typeContenu, long taille) {
    }

    record MessageView(String id, String envoyeLe, String cote, String auteur, String signature, String texte, String statut,
                       String motif, String luLe, List<AttachmentView> piecesJointes) {
        static MessageView of(Message m) {
            return new MessageView(m.messageId(), m.sentAt().toString(),
                    m.side() == Message.Side.PROFESSIONAL ? "PROFESSIONNEL" : "PATIENT", m.authorName(), m.signature().orElse(null),
                    m.text(), switch (m.status()) {
                        case SENT -> "ENVOYE";
                        case AWAITING -> "EN_ATTENTE";
                        case REFUSED -> "REFUSE";
                    }, m.refusal().orElse(null), m.readAt().map(Object::toString).orElse(null),
                    m.attachments().stream().map(a -> new AttachmentView(a.documentId(), a.title(), a.contentType(), a.size())).toList());
        }
    }

    record InboxView(List<ConversationView> conversations, String suivant) {
        static InboxView of(Conversations.Page<Conversation> page) {
            return new InboxView(page.items().stream().map(ConversationView::of).toList(), page.cursor().orElse(null));
        }
    }

    record ThreadView(ConversationView conversation, List<MessageView> messages, String suivant) {
        static ThreadView of(SecureMessaging.Thread thread) {
            return new ThreadView(ConversationView.of(thread.conversation()),
                    thread.messages().items().stream().map(MessageView::of).toList(), thread.messages().cursor().orElse(null));
        }
    }

    record Upload(String documentId, String methode, String url, Map<String, String> entetes, String expireLe) {
    }

    record SentView(ConversationView conversation, MessageView message, List<Upload> televersements) {
        static SentView of(SecureMessaging.Sent sent) {
            return new SentView(ConversationView.of(sent.conversation()), MessageView.of(sent.message()),
                    sent.uploads().stream().map(u -> new Upload(u.documentId(), "PUT", u.ticket().url().toString(),
                            u.ticket().headers(), u.ticket().expiresAt().toString())).toList());
        }
    }

    record SavedView(String id, String titre, String categorie) {
    }
}

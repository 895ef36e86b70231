package fr.espacesante.domain.messaging;

import fr.espacesante.domain.access.AccessDecision;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.AccessRefusedException;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.document.Author;
import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.document.DocumentStatus;
import fr.espacesante.domain.document.DocumentType;
import fr.espacesante.domain.document.InvalidDocumentException;
import fr.espacesante.domain.document.port.out.DocumentCatalog;
import fr.espacesante.domain.document.port.out.DocumentStorage;
import fr.espacesante.domain.error.DomainException.Kind;
import fr.espacesante.domain.messaging.MessagingException.Reason;
import fr.espacesante.domain.messaging.port.out.Conversations;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.text.TypedText;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The secure messaging (PRODUCT.md, « Secure messaging »), as « Mon espace santé » runs it and one
 * step beyond: a professional starts a conversation with a patient (by INS); the patient side — the
 * patient, a parent for a minor, a caregiver — answers while the professional has not ended the
 * exchanges, and may start one only with a professional who wrote to them and did not end it, or
 * with their treating doctor when the doctor accepts messages from patients. A blocked professional
 * can neither write nor be written to. Every read and write goes through the access policy
 * (resource {@code MESSAGES}) and into the space's history. Files travel as documents of the space,
 * uploaded by pre-signed URL and checked by the intake: a message waits for its files, and is never
 * delivered if one is refused. The patient is told by e-mail that a message waits, never what.
 */
public final class SecureMessaging {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_ATTACHMENTS = 5;
    public static final long MAX_ATTACHMENT_SIZE = 10L * 1024 * 1024;
    private static final Duration URL_VALIDITY = Duration.ofMinutes(5);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A new file to upload with a message. */
    public record NewFile(String title, String contentType, long size) {
    }

    /** What is written: text, documents of the space already there, new files. */
    public record Outgoing(String text, List<String> documentIds, List<NewFile> newFiles) {
    }

    public record Upload(String documentId, DocumentStorage.UploadTicket ticket) {
    }

    public record Sent(Conversation conversation, Message message, List<Upload> uploads) {
    }

    public record Thread(Conversation conversation, Conversations.Page<Message> messages) {
    }

    private final Conversations conversations;
    private final Spaces spaces;
    private final PersonDirectory persons;
    private final NirProtection nirProtection;
    private final DocumentCatalog catalog;
    private final DocumentStorage storage;
    private final SpaceAccessGuard guard;
    private final AccessPolicy policy;
    private final MessageDelivery delivery;
    private final Clock clock;
    private final Executor parallel;
    private final fr.espacesante.domain.space.RecentSpaces recent;
    private static final int MAX_DECISION_ATTEMPTS = 3;

    public SecureMessaging(Conversations conversations, Spaces spaces, PersonDirectory persons, NirProtection nirProtection,
                           DocumentCatalog catalog, DocumentStorage storage, SpaceAccessGuard guard, AccessPolicy policy,
                           MessageDelivery delivery, Clock clock, Executor parallel) {
        this.parallel = parallel;
        this.recent = new fr.espacesante.domain.space.RecentSpaces(spaces);
        this.conversations = conversations;
        this.spaces = spaces;
        this.persons = persons;
        this.nirProtection = nirProtection;
        this.catalog = catalog;
        this.storage = storage;
        this.guard = guard;
        this.policy = policy;
        this.delivery = delivery;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ professionals

    /** A professional writes to a patient, by INS; the conversation is theirs from then on. */
    public Sent start(Actor.Professional professional, Nir ins, String subject, Outgoing outgoing, boolean hiddenFromRepresentatives) {
        String topic = TypedText.line(subject, "sujet", MAX_SUBJECT);
        Space space = spaces.find(nirProtection.lookupKey(ins)).orElseThrow(SpaceNotFoundException::new);
        Instant now = clock.instant();
        Conversation conversation = new Conversation(space.spaceKey(), UUID.randomUUID().toString(), professional.rpps(),
                professional.name() + " — " + professional.profession(), patientName(space.spaceKey()), topic, false, false,
                hiddenFromRepresentatives, now, now, 0, 0, false, Optional.empty());
        Prepared prepared = prepare(professional, space, conversation, outgoing, now);
        allowed(professional, space, conversation.asResource(), Action.ADD, "nouvelle-conversation");
        List<Upload> uploads = openUploads(prepared);
        conversations.start(conversation, prepared.message());
        if (prepared.message().status() == Message.Status.SENT) {
            delivery.tellPatientSide(conversation, now);
        }
        return new Sent(conversation, prepared.message(), uploads);
    }

    public Sent replyAsProfessional(Actor.Professional professional, String conversationId, Outgoing outgoing) {
        Conversation conversation = ofProfessional(professional, conversationId);
        for (int attempt = 1; ; attempt++) {
            Space space = recent.current(conversation.spaceKey());
            Instant now = clock.instant();
            Prepared prepared = prepare(professional, space, conversation, outgoing, now);
            SpaceAccessGuard.Allowed allowed = allowWithEntry(professional, space, conversation, conversationId);
            if (conversations.add(conversation, prepared.message(), allowed.entry(), space.version())) {
                List<Upload> uploads = openUploads(prepared);
                if (prepared.message().status() == Message.Status.SENT) {
                    delivery.tellPatientSide(conversation, now);
                }
                return new Sent(conversation, prepared.message(), uploads);
            }
            if (attempt == MAX_DECISION_ATTEMPTS) {
                throw new IllegalStateException("the space kept changing while a message was written");
            }
        }
    }

    /** « [FIN] »: the patient side can no longer reply until the professional writes again. */
    public Conversation end(Actor.Professional professional, String conversationId) {
        Conversation conversation = ofProfessional(professional, conversationId);
        Space space = spaces.find(conversation.spaceKey()).orElseThrow(SpaceNotFoundException::new);
        allowed(professional, space, conversation.asResource(), Action.WRITE, conversationId);
        conversations.end(conversation);
        return ofProfessional(professional, conversationId);
    }

    public Thread readAsProfessional(Actor.Professional professional, String conversationId, int limit, Optional<String> cursor) {
        Conversation conversation = ofProfessional(professional, conversationId);
        Space space = spaces.find(conversation.spaceKey()).orElseThrow(SpaceNotFoundException::new);
        allowed(professional, space, conversation.asResource(), Action.READ, conversationId);
        conversations.readByProfessional(conversation, clock.instant());
        return new Thread(conversation, seenBy(conversations.messages(conversation, limit, cursor), Message.Side.PROFESSIONAL));
    }

    /** The professional's conversations, unread first; those the policy refuses them now (blocked) are left out. */
    public Conversations.Page<Conversation> professionalInbox(Actor.Professional professional, int limit, Optional<String> cursor) {
        if (!professional.identityVerified()) {
            return new Conversations.Page<>(List.of(), Optional.empty());
        }
        Conversations.Page<Conversation> page = conversations.ofProfessional(professional.rpps(), limit, cursor);
        List<Conversation> visible = page.items().stream().filter(c -> spaces.find(c.spaceKey())
                .map(s -> policy.decide(new AccessRequest(professional, s.access(), c.asResource(), Action.READ,
                        Optional.empty())).allowed()).orElse(false)).toList();
        return new Conversations.Page<>(visible, page.cursor());
    }

    /** The professional's setting « accepte les messages de ses patients » (as treating doctor). */
    public void acceptPatientMessages(Actor.Professional professional, boolean accepts) {
        if (!professional.identityVerified()) {
            throw new MessagingException(Reason.UNVERIFIED_PROFESSIONAL);
        }
        conversations.setAcceptsPatientMessages(professional.rpps(), accepts);
    }

    public URI attachmentAsProfessional(Actor.Professional professional, String conversationId, String documentId) {
        Conversation conversation = ofProfessional(professional, conversationId);
        Space space = spaces.find(conversation.spaceKey()).orElseThrow(SpaceNotFoundException::new);
        allowed(professional, space, conversation.asResource(), Action.READ, documentId);
        return download(conversation, documentId, Message.Side.PROFESSIONAL);
    }

    // ------------------------------------------------------------------ the patient side

    public Conversations.Page<Conversation> inbox(Actor actor, String spaceKey, int limit, Optional<String> cursor) {
        // The page is read while the decision is taken and recorded: nothing of it leaves before that.
        CompletableFuture<Conversations.Page<Conversation>> listed =
                CompletableFuture.supplyAsync(() -> conversations.ofPatient(spaceKey, limit, cursor), parallel);
        Space space = decided(actor, spaceKey, Resource.of(Resource.Kind.MESSAGES), "messagerie");
        Conversations.Page<Conversation> page = await(listed);
        // A conversation hidden from a minor's parents is not listed to them.
        return new Conversations.Page<>(page.items().stream().filter(c -> policy.decide(new AccessRequest(actor, space.access(),
                c.asResource(), Action.READ, Optional.empty())).allowed()).toList(), page.cursor());
    }

    public Thread open(Actor actor, String spaceKey, String conversationId, int limit, Optional<String> cursor) {
        Conversation conversation = ofPatientSide(spaceKey, conversationId);
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        allowed(actor, space, conversation.asResource(), Action.READ, conversationId);
        conversations.readByPatient(conversation, clock.instant());
        return new Thread(conversation, seenBy(conversations.messages(conversation, limit, cursor), Message.Side.PATIENT));
    }

    /**
     * The patient side starts a conversation: with a professional who wrote to them and did not end
     * the exchanges, or with their treating doctor if the doctor accepts messages from patients.
     */
    public Sent startAsPatient(Actor actor, String spaceKey, String rpps, String subject, Outgoing outgoing) {
        String topic = TypedText.line(subject, "sujet", MAX_SUBJECT);
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        if (space.access().blockedRpps().contains(rpps)) {
            throw new MessagingException(Reason.BLOCKED);
        }
        boolean wroteToThem = conversations.openWith(spaceKey, rpps).isPresent();
        boolean treatingDoctorAccepts = rpps.equals(space.access().treatingDoctorRpps()) && conversations.acceptsPatientMessages(rpps);
        Instant now = clock.instant();
        Conversation conversation = new Conversation(spaceKey, UUID.randomUUID().toString(), rpps,
                space.professionalLabel(rpps), patientName(spaceKey), topic, true, false, false, now, now, 0, 0, false,
                Optional.empty());
        if (!wroteToThem && !treatingDoctorAccepts) {
            throw new MessagingException(Reason.NOT_ALLOWED_TO_START);
        }
        Prepared prepared = prepare(actor, space, conversation, outgoing, now);
        allowed(actor, space, conversation.asResource(), Action.ADD, "nouvelle-conversation");
        List<Upload> uploads = openUploads(prepared);
        conversations.start(conversation, prepared.message());
        return new Sent(conversation, prepared.message(), uploads);
    }

    public Sent reply(Actor actor, String spaceKey, String conversationId, Outgoing outgoing) {
        CompletableFuture<Conversation> found = CompletableFuture.supplyAsync(() -> ofPatientSide(spaceKey, conversationId), parallel);
        Space space = recent.lastSeen(spaceKey);
        Conversation conversation = await(found);
        for (int attempt = 1; ; attempt++) {
            Optional<Sent> sent = reply(actor, space, conversation, conversationId, outgoing);
            if (sent.isPresent()) {
                return sent.get();
            }
            if (attempt == MAX_DECISION_ATTEMPTS) {
                throw new IllegalStateException("the space kept changing while a message was written");
            }
            space = recent.current(spaceKey);
        }
    }

    /**
     * A reply decided on a snapshot of the space: written, with its history entry, only if the space
     * is still at that version. @return empty when it changed (decide again on the space as it is)
     */
    private Optional<Sent> reply(Actor actor, Space space, Conversation conversation, String conversationId, Outgoing outgoing) {
        if (space.access().blockedRpps().contains(conversation.professionalRpps())) {
            guard.check(new AccessRequest(actor, space.access(), conversation.asResource(), Action.ADD, Optional.empty()),
                    conversationId);
            throw new MessagingException(Reason.BLOCKED);
        }
        if (conversation.ended()) {
            throw new MessagingException(Reason.ENDED);
        }
        // Checked first, then decided: an allowed decision is only ever written with the message it allowed.
        Prepared prepared = prepare(actor, space, conversation, outgoing, clock.instant());
        SpaceAccessGuard.Allowed allowed = allowWithEntry(actor, space, conversation, conversationId);
        if (!conversations.add(conversation, prepared.message(), allowed.entry(), space.version())) {
            return Optional.empty();
        }
        return Optional.of(new Sent(conversation, prepared.message(), openUploads(prepared)));
    }

    /** The decision on the last snapshot seen, recorded only if the space is still at its version; else decided again. */
    private Space decided(Actor actor, String spaceKey, Resource resource, String element) {
        Space space = recent.lastSeen(spaceKey);
        for (int attempt = 1; ; attempt++) {
            Optional<AccessDecision> decision = guard.checkIfSpaceAt(new AccessRequest(actor, space.access(), resource, Action.READ,
                    Optional.empty()), element, space.version());
            if (decision.isPresent()) {
                if (!decision.get().allowed()) {
                    throw new AccessRefusedException(decision.get());
                }
                return space;
            }
            if (attempt == MAX_DECISION_ATTEMPTS) {
                throw new IllegalStateException("the space kept changing while its access decision was recorded");
            }
            space = recent.current(spaceKey);
        }
    }

    /** Removes the conversation from the patient's view; the professional keeps theirs. */
    public void delete(Actor actor, String spaceKey, String conversationId) {
        Conversation conversation = ofPatientSide(spaceKey, conversationId);
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        allowed(actor, space, conversation.asResource(), Action.WRITE, conversationId);
        conversations.deleteForPatient(conversation);
    }

    /** « Enregistrer dans mes documents »: the file joins the documents, its author the professional who sent it. */
    public Document save(Actor actor, String spaceKey, String conversationId, String documentId, DocumentCategory category) {
        Conversation conversation = ofPatientSide(spaceKey, conversationId);
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        Document attachment = attachmentOf(conversation, documentId);
        allowed(actor, space, Resource.document(attachment.author().rpps(), false, false, conversation.hiddenFromRepresentatives()),
                Action.ADD, documentId);
        if (!catalog.file(attachment, category)) {
            throw new MessagingException(Reason.UNKNOWN_ATTACHMENT);
        }
        return catalog.find(spaceKey, documentId).orElseThrow();
    }

    public URI attachment(Actor actor, String spaceKey, String conversationId, String documentId) {
        Conversation conversation = ofPatientSide(spaceKey, conversationId);
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        allowed(actor, space, conversation.asResource(), Action.READ, documentId);
        return download(conversation, documentId, Message.Side.PATIENT);
    }

    // ------------------------------------------------------------------ the parts

    private record Prepared(Message message, List<Document> newFiles) {
    }

    /** Checks the text and files and builds the message; stores nothing. */
    private Prepared prepare(Actor actor, Space space, Conversation conversation, Outgoing outgoing, Instant now) {
        String text = TypedText.paragraph(outgoing.text(), "texte", MAX_TEXT);
        if (text.isBlank()) {
            throw new MessagingException(Reason.EMPTY);
        }
        if (outgoing.documentIds().size() + outgoing.newFiles().size() > MAX_ATTACHMENTS) {
            throw new MessagingException(Reason.TOO_MANY_ATTACHMENTS);
        }
        List<Message.Attachment> attachments = new ArrayList<>();
        for (String documentId : outgoing.documentIds()) {
            Document document = catalog.find(space.spaceKey(), documentId).filter(d -> d.status() == DocumentStatus.AVAILABLE)
                    .orElseThrow(() -> new MessagingException(Reason.ATTACHMENT_NOT_IN_SPACE));
            if (!policy.decide(new AccessRequest(actor, space.access(), document.asResource(), Action.READ, Optional.empty())).allowed()) {
                throw new MessagingException(Reason.ATTACHMENT_NOT_IN_SPACE);
            }
            // A message never shows a document to someone its flags keep it from.
            boolean patientSide = actor instanceof Actor.Patient || actor instanceof Actor.LegalRepresentative;
            if (document.heldBack() || document.hiddenFromRepresentatives() && !conversation.hiddenFromRepresentatives()
                    || document.hiddenByPatient() && !patientSide) {
                throw new MessagingException(Reason.RESTRICTED_DOCUMENT);
            }
            attachments.add(new Message.Attachment(documentId, document.title(), document.declaredType().mediaType(),
                    document.declaredSize()));
        }
        List<Document> newDocuments = new ArrayList<>();
        for (NewFile file : outgoing.newFiles()) {
            DocumentType type = DocumentType.fromMediaType(file.contentType()).orElseThrow(() -> new InvalidDocumentException(Kind.INVALID,
                    "TYPE_NON_ACCEPTE", "Type de document non accepté : PDF, JPEG, PNG, texte, CDA R2 (XML) ou FHIR (JSON)."));
            if (file.size() < 1 || file.size() > MAX_ATTACHMENT_SIZE) {
                throw new MessagingException(Reason.ATTACHMENT_TOO_LARGE);
            }
            Document document = new Document(space.spaceKey(), UUID.randomUUID().toString(), DocumentCategory.ATTACHMENT,
                    Optional.empty(), now.atZone(PARIS).toLocalDate(), author(actor), TypedText.line(file.title(), "titre", 200),
                    type, file.size(), DocumentStatus.PENDING, Optional.empty(), Optional.empty(), false, false,
                    conversation.hiddenFromRepresentatives(), now, Optional.empty());
            newDocuments.add(document);
            attachments.add(new Message.Attachment(document.documentId(), document.title(), type.mediaType(), file.size()));
        }
        Message message = new Message(space.spaceKey(), conversation.conversationId(), UUID.randomUUID().toString(), now,
                actor instanceof Actor.Professional ? Message.Side.PROFESSIONAL : Message.Side.PATIENT, authorName(actor, space),
                signature(actor, space), text, attachments, newDocuments.isEmpty() ? Message.Status.SENT : Message.Status.AWAITING,
                Optional.empty(), Optional.empty());
        return new Prepared(message, newDocuments);
    }

    /** The new files' records and upload URLs: only once the message is allowed and checked. */
    private List<Upload> openUploads(Prepared prepared) {
        List<Upload> uploads = new ArrayList<>();
        for (Document document : prepared.newFiles()) {
            catalog.createPending(document);
            uploads.add(new Upload(document.documentId(), storage.presignUpload(document.objectKey(), document.declaredType(),
                    document.declaredSize(), URL_VALIDITY)));
        }
        return uploads;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A side sees what was delivered, and its own messages waiting for their files or refused. */
    private static Conversations.Page<Message> seenBy(Conversations.Page<Message> page, Message.Side side) {
        return new Conversations.Page<>(page.items().stream()
                .filter(m -> m.status() == Message.Status.SENT || m.side() == side).toList(), page.cursor());
    }

    /**
     * Only a file carried by a message of this conversation that this side may see: a conversation
     * never opens the rest of the space (a document hidden from professionals or from a minor's parents).
     */
    private URI download(Conversation conversation, String documentId, Message.Side side) {
        attachedIn(conversation, documentId, side);
        Document document = catalog.find(conversation.spaceKey(), documentId).filter(d -> d.status() == DocumentStatus.AVAILABLE)
                .orElseThrow(() -> new MessagingException(Reason.UNKNOWN_ATTACHMENT));
        return storage.presignDownload(document.checkedKey(), document.title(), URL_VALIDITY);
    }

    private void attachedIn(Conversation conversation, String documentId, Message.Side side) {
        Optional<String> cursor = Optional.empty();
        do {
            Conversations.Page<Message> page = seenBy(conversations.messages(conversation, 100, cursor), side);
            if (page.items().stream().flatMap(m -> m.attachments().stream()).anyMatch(a -> a.documentId().equals(documentId))) {
                return;
            }
            cursor = page.cursor();
        } while (cursor.isPresent());
        throw new MessagingException(Reason.UNKNOWN_ATTACHMENT);
    }

    private Document attachmentOf(Conversation conversation, String documentId) {
        attachedIn(conversation, documentId, Message.Side.PATIENT);
        return catalog.find(conversation.spaceKey(), documentId)
                .filter(d -> d.status() == DocumentStatus.AVAILABLE && d.category() == DocumentCategory.ATTACHMENT)
                .orElseThrow(() -> new MessagingException(Reason.UNKNOWN_ATTACHMENT));
    }

    private SpaceAccessGuard.Allowed allowWithEntry(Actor actor, Space space, Conversation conversation, String element) {
        try {
            return guard.allowWithEntry(new AccessRequest(actor, space.access(), conversation.asResource(), Action.ADD,
                    Optional.empty()), element);
        } catch (AccessRefusedException refused) {
            if (refused.decision().rule() == fr.espacesante.domain.access.AccessRule.BLOCKED) {
                throw new MessagingException(Reason.BLOCKED);
            }
            throw refused;
        }
    }

    private void allowed(Actor actor, Space space, Resource resource, Action action, String element) {
        AccessDecision decision = guard.check(new AccessRequest(actor, space.access(), resource, action, Optional.empty()), element);
        if (!decision.allowed()) {
            if (decision.rule() == fr.espacesante.domain.access.AccessRule.BLOCKED) {
                throw new MessagingException(Reason.BLOCKED);
            }
            throw new AccessRefusedException(decision);
        }
    }

    private Conversation ofProfessional(Actor.Professional professional, String conversationId) {
        return conversations.byId(conversationId).filter(c -> c.professionalRpps().equals(professional.rpps()))
                .orElseThrow(() -> new MessagingException(Reason.UNKNOWN_CONVERSATION));
    }

    private Conversation ofPatientSide(String spaceKey, String conversationId) {
        return conversations.find(spaceKey, conversationId).filter(c -> !c.deletedByPatient())
                .orElseThrow(() -> new MessagingException(Reason.UNKNOWN_CONVERSATION));
    }

    private String patientName(String spaceKey) {
        return persons.find(spaceKey).map(p -> p.identity().firstNames() + " " + p.identity().lastName()).orElse("Patient");
    }

    private static Author author(Actor actor) {
        return switch (actor) {
            case Actor.Professional p -> new Author(Author.Kind.PROFESSIONAL, p.rpps(), p.name(), p.profession());
            case Actor.Caregiver c -> new Author(Author.Kind.PATIENT, null, c.name() + ", aidant", null);
            default -> Author.patient();
        };
    }

    private String authorName(Actor actor, Space space) {
        return actor instanceof Actor.Professional p ? p.name() : patientName(space.spaceKey());
    }

    /** Who wrote for the patient, when not the patient. */
    private Optional<String> signature(Actor actor, Space space) {
        return switch (actor) {
            case Actor.Caregiver c -> Optional.of("rédigé par " + c.name() + ", aidant de " + patientName(space.spaceKey()));
            case Actor.LegalRepresentative p -> Optional.of("rédigé par " + patientName(p.personKey()) + ", représentant légal");
            default -> Optional.empty();
        };
    }
}

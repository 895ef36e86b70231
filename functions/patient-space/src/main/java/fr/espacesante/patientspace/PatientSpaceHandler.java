package fr.espacesante.patientspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.HttpApi;
import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.access.AccessRule;
import fr.espacesante.domain.access.AccessSettings;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.family.Guardianship;
import fr.espacesante.domain.family.Guardianship.ParentalAgreement;
import fr.espacesante.domain.family.GuardianshipException;
import fr.espacesante.domain.family.MinorAttachment;
import fr.espacesante.domain.family.Representation;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.port.out.AccessHistory;
import fr.espacesante.domain.space.NotificationPreferences;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceActivation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The patient's API (citizen token). The login's {@code sub} leads to the person through the link
 * made at activation; every call then goes through {@link AccessSettings}, hence the access policy.
 * A parent passes {@code ?enfant=reference} (from {@code GET /espace/enfants}) to act in a child's space.
 */
public final class PatientSpaceHandler implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String ACTIVATE = "POST /espace/activation";
    static final String SPACE = "GET /espace";
    static final String CONTACT = "PUT /espace/coordonnees";
    static final String SET_TREATING_DOCTOR = "PUT /espace/medecin-traitant";
    static final String REMOVE_TREATING_DOCTOR = "DELETE /espace/medecin-traitant";
    static final String BLOCK = "PUT /espace/professionnels-bloques/{rpps}";
    static final String UNBLOCK = "DELETE /espace/professionnels-bloques/{rpps}";
    static final String REVOKE_CONSENT = "DELETE /espace/consentements/{rpps}";
    static final String EMERGENCY_ACCESS = "PUT /espace/acces-urgence";
    static final String WHO_HAS_ACCESS = "GET /espace/acces";
    static final String HISTORY = "GET /espace/historique";
    static final String ATTACH_CHILD = "POST /espace/enfants";
    static final String CHILDREN = "GET /espace/enfants";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final SpaceActivation activation;
    private final MinorAttachment minors;
    private final Representation representation;
    private final AccessSettings settings;
    private final String citizenIssuer;

    public PatientSpaceHandler(SpaceActivation activation, MinorAttachment minors, Representation representation,
                               AccessSettings settings, String citizenIssuer) {
        this.activation = activation;
        this.minors = minors;
        this.representation = representation;
        this.settings = settings;
        this.citizenIssuer = citizenIssuer;
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        return HttpApi.handle(event, request -> {
            HttpApi.requireIssuer(request, citizenIssuer);
            String subject = subject(request);
            String route = String.valueOf(request.getRouteKey());
            if (route.equals(ACTIVATE)) {
                return HttpApi.json(200, view(activate(subject, request)));
            }
            if (route.equals(ATTACH_CHILD)) {
                return HttpApi.json(201, child(attachChild(subject, request)));
            }
            if (route.equals(CHILDREN)) {
                return HttpApi.json(200, Map.of("enfants", minors.children(subject).stream().map(this::child).toList()));
            }
            // A parent acts in a child's space with ?enfant=reference, as its legal representative.
            Representation.Acting acting = representation.actingIn(subject, HttpApi.queryParameter(request, "enfant"));
            Actor patient = acting.actor();
            String spaceKey = acting.spaceKey();
            return switch (route) {
                case SPACE -> HttpApi.json(200, view(settings.space(patient, spaceKey)));
                case CONTACT -> {
                    JsonNode body = HttpApi.body(request);
                    settings.updateContact(patient, spaceKey, email(body), preferences(body));
                    yield HttpApi.json(200, view(settings.space(patient, spaceKey)));
                }
                case SET_TREATING_DOCTOR -> {
                    settings.designateTreatingDoctor(patient, spaceKey, HttpApi.text(HttpApi.body(request), "rpps"));
                    yield HttpApi.json(200, access(settings.whoHasAccess(patient, spaceKey)));
                }
                case REMOVE_TREATING_DOCTOR -> {
                    settings.removeTreatingDoctor(patient, spaceKey);
                    yield HttpApi.json(200, access(settings.whoHasAccess(patient, spaceKey)));
                }
                case BLOCK -> {
                    settings.block(patient, spaceKey, rpps(request));
                    yield HttpApi.json(200, access(settings.whoHasAccess(patient, spaceKey)));
                }
                case UNBLOCK -> {
                    settings.unblock(patient, spaceKey, rpps(request));
                    yield HttpApi.json(200, access(settings.whoHasAccess(patient, spaceKey)));
                }
                case REVOKE_CONSENT -> {
                    settings.revokeConsent(patient, spaceKey, rpps(request));
                    yield HttpApi.json(200, access(settings.whoHasAccess(patient, spaceKey)));
                }
                case EMERGENCY_ACCESS -> {
                    settings.setEmergencyAccess(patient, spaceKey, HttpApi.bool(HttpApi.body(request), "actif"));
                    yield HttpApi.json(200, access(settings.whoHasAccess(patient, spaceKey)));
                }
                case WHO_HAS_ACCESS -> HttpApi.json(200, access(settings.whoHasAccess(patient, spaceKey)));
                case HISTORY -> HttpApi.json(200, history(patient, spaceKey, request));
                default -> throw ApiError.notFound("ROUTE_INCONNUE", "Cette adresse n'existe pas.");
            };
        });
    }

    /** With the code of the letter or e-mail, or with NIR + birth date + birth name. */
    private Space activate(String subject, APIGatewayV2HTTPEvent request) {
        JsonNode body = HttpApi.body(request);
        Optional<String> code = HttpApi.optionalText(body, "code");
        if (code.isPresent()) {
            return activation.activateWithCode(subject, HttpApi.sourceIp(request), code.get());
        }
        return activation.activate(subject, HttpApi.sourceIp(request), identityProof(body));
    }

    /**
     * A parent attaches a minor's space: the child's NIR, birth date and birth name, and either the
     * name of the other parent who agreed ({@code accordAutreParent}) or {@code autoriteParentaleExclusive}.
     */
    private Guardianship attachChild(String subject, APIGatewayV2HTTPEvent request) {
        JsonNode body = HttpApi.body(request);
        Optional<String> otherParent = HttpApi.optionalText(body, "accordAutreParent");
        boolean soleAuthority = body.has("autoriteParentaleExclusive") && HttpApi.bool(body, "autoriteParentaleExclusive");
        if (otherParent.isPresent() == soleAuthority) {
            throw new GuardianshipException(GuardianshipException.Reason.AGREEMENT_MISSING);
        }
        var agreement = new MinorAttachment.Agreement(soleAuthority ? ParentalAgreement.SOLE_PARENTAL_AUTHORITY
                : ParentalAgreement.OTHER_PARENT_AGREED, otherParent);
        return minors.attach(subject, HttpApi.sourceIp(request), identityProof(body), agreement);
    }

    private static SpaceActivation.IdentityProof identityProof(JsonNode body) {
        Nir nir = Nir.parse(HttpApi.text(body, "ins"));
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(HttpApi.text(body, "dateNaissance"));
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("DATE_INVALIDE", "La date de naissance doit être au format AAAA-MM-JJ.");
        }
        return new SpaceActivation.IdentityProof(nir, birthDate, HttpApi.text(body, "nomNaissance"));
    }

    /** The reference is what the parent passes as {@code ?enfant=} to act in the child's space. */
    private Map<String, Object> child(Guardianship g) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", g.reference());
        view.put("prenoms", g.childFirstNames());
        view.put("dateNaissance", g.childBirthDate().toString());
        view.put("accord", g.agreement() == ParentalAgreement.SOLE_PARENTAL_AUTHORITY
                ? "AUTORITE_PARENTALE_EXCLUSIVE" : "ACCORD_AUTRE_PARENT");
        view.put("autreParent", g.otherParentName().orElse(null));
        view.put("rattacheLe", g.attachedAt().toString());
        view.put("majeur", representation.cameOfAge(g));
        return view;
    }

    private static String subject(APIGatewayV2HTTPEvent request) {
        String subject = HttpApi.claims(request).get("sub");
        if (subject == null || subject.isBlank()) {
            throw new ApiError(401, "SUJET_MANQUANT", "Le jeton ne désigne aucun utilisateur.");
        }
        return subject;
    }

    private static String rpps(APIGatewayV2HTTPEvent request) {
        return HttpApi.pathParameter(request, "rpps").orElse("");
    }

    private static Optional<String> email(JsonNode body) {
        Optional<String> email = HttpApi.optionalText(body, "email");
        if (email.isPresent() && (email.get().length() > 254 || !EMAIL.matcher(email.get()).matches())) {
            throw ApiError.badRequest("EMAIL_INVALIDE", "L'adresse e-mail n'est pas valide.");
        }
        return email;
    }

    private static NotificationPreferences preferences(JsonNode body) {
        JsonNode notifications = body.get("notifications");
        if (notifications == null || !notifications.isObject()) {
            throw ApiError.badRequest("CHAMP_MANQUANT", "Le champ « notifications » est obligatoire.");
        }
        return new NotificationPreferences(HttpApi.bool(notifications, "nouveauxDocuments"),
                HttpApi.bool(notifications, "messages"), HttpApi.bool(notifications, "rappelsAgenda"));
    }

    private Map<String, Object> history(Actor patient, String spaceKey, APIGatewayV2HTTPEvent request) {
        Optional<String> professional = HttpApi.queryParameter(request, "professionnel");
        Optional<String> rule = HttpApi.queryParameter(request, "regle");
        if (rule.isPresent() && Arrays.stream(AccessRule.values()).noneMatch(r -> r.id().equals(rule.get()))) {
            throw ApiError.badRequest("REGLE_INCONNUE", "Cette règle d'accès n'existe pas.");
        }
        if (professional.isPresent() && !professional.get().matches("[0-9]{11}")) {
            throw ApiError.badRequest("RPPS_INVALIDE", "Le numéro RPPS doit comporter 11 chiffres.");
        }
        AccessHistory.Page page;
        try {
            page = settings.history(patient, spaceKey, new AccessHistory.Filter(professional, rule),
                    HttpApi.limit(HttpApi.queryParameter(request, "limite"), DEFAULT_PAGE, MAX_PAGE),
                    HttpApi.queryParameter(request, "curseur"));
        } catch (IllegalArgumentException badCursor) {
            throw ApiError.badRequest("CURSEUR_INVALIDE", "Le curseur de pagination n'est pas valide pour cet historique.");
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("acces", page.entries().stream().map(PatientSpaceHandler::entry).toList());
        view.put("suivant", page.next().orElse(null));
        return view;
    }

    private static Map<String, Object> entry(AccessEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("date", entry.at().toString());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("type", entry.actorKind());
        // Person keys are internal: the patient sees "you" or "a legal representative", professionals by RPPS and name.
        if (entry.actorKind().equals("PROFESSIONNEL") || entry.actorKind().equals("OPERATEUR")) {
            actor.put("identifiant", entry.actorId());
        }
        actor.put("nom", entry.actorName());
        actor.put("profession", entry.actorProfession());
        view.put("acteur", actor);
        view.put("ressource", entry.resourceKind());
        view.put("element", entry.resourceId());
        view.put("action", entry.action());
        view.put("regle", entry.ruleId());
        view.put("regleLibelle", Arrays.stream(AccessRule.values()).filter(r -> r.id().equals(entry.ruleId()))
                .findFirst().map(AccessRule::label).orElse(entry.ruleId()));
        view.put("autorise", entry.allowed());
        view.put("justification", entry.justification().orElse(null));
        return view;
    }

    private static Map<String, Object> view(Space space) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("statut", space.status().name());
        view.put("creeLe", space.createdAt().toString());
        view.put("creation", space.creation() == Space.Creation.SWEEP ? "AUTOMATIQUE" : "ACTIVATION");
        view.put("activeLe", space.activatedAt().map(Object::toString).orElse(null));
        view.put("email", space.email().orElse(null));
        Map<String, Object> notifications = new LinkedHashMap<>();
        notifications.put("nouveauxDocuments", space.preferences().newDocuments());
        notifications.put("messages", space.preferences().messages());
        notifications.put("rappelsAgenda", space.preferences().agendaReminders());
        view.put("notifications", notifications);
        view.put("accesUrgence", space.access().emergencyAccessEnabled());
        view.put("medecinTraitant", space.access().treatingDoctorRpps());
        return view;
    }

    private static Map<String, Object> access(AccessSettings.AccessOverview overview) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("professionnels", overview.professionals().stream().map(PatientSpaceHandler::current).toList());
        view.put("bloques", overview.blocked().stream().map(PatientSpaceHandler::current).toList());
        view.put("accesUrgence", overview.emergencyAccessEnabled());
        return view;
    }

    private static Map<String, Object> current(AccessSettings.CurrentAccess access) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rpps", access.rpps());
        view.put("nom", access.label());
        view.put("regle", access.rule().id());
        view.put("regleLibelle", access.rule().label());
        return view;
    }
}

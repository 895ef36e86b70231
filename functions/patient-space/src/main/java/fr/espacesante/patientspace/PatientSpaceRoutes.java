package fr.espacesante.patientspace;

import fr.espacesante.aws.http.ApiRequest;
import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller.Citizen;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.Fields;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.access.AccessRule;
import fr.espacesante.domain.access.AccessSettings;
import fr.espacesante.domain.access.InvalidRppsException;
import fr.espacesante.domain.family.Guardianship;
import fr.espacesante.domain.family.Guardianship.ParentalAgreement;
import fr.espacesante.domain.family.GuardianshipException;
import fr.espacesante.domain.family.MinorAttachment;
import fr.espacesante.domain.family.Representation;
import fr.espacesante.domain.caregiver.CaregiverDesignation;
import fr.espacesante.domain.caregiver.Designation;
import fr.espacesante.domain.caregiver.Invitation;
import fr.espacesante.domain.lifecycle.SpaceLifecycle;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.access.port.out.AccessHistory;
import fr.espacesante.domain.space.NotificationPreferences;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceActivation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The patient's API (citizen token). The login leads to the person through the link made at
 * activation; every call then goes through {@link AccessSettings}, hence the access policy. A parent
 * passes {@code ?enfant=reference} (from {@code GET /espace/enfants}) to act in a child's space.
 */
final class PatientSpaceRoutes {

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
    static final String CLOSE = "POST /espace/cloture";
    static final String DELETE = "POST /espace/suppression";
    static final String REOPEN = "POST /espace/reouverture";
    static final String INVITE_CAREGIVER = "POST /espace/aidants";
    static final String CAREGIVERS = "GET /espace/aidants";
    static final String REVOKE_CAREGIVER = "DELETE /espace/aidants/{reference}";
    static final String REVOKE_INVITATION = "DELETE /espace/aidants/invitations/{invitation}";
    static final String HELPED = "GET /espace/aides";
    static final String ACCEPT_INVITATION = "POST /espace/aides";
    static final String WITHDRAW = "DELETE /espace/aides/{reference}";

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final SpaceActivation activation;
    private final MinorAttachment minors;
    private final Representation representation;
    private final AccessSettings settings;
    private final SpaceLifecycle lifecycle;
    private final CaregiverDesignation caregivers;

    PatientSpaceRoutes(SpaceActivation activation, MinorAttachment minors, Representation representation,
                       AccessSettings settings, SpaceLifecycle lifecycle, CaregiverDesignation caregivers) {
        this.caregivers = caregivers;
        this.activation = activation;
        this.minors = minors;
        this.representation = representation;
        this.settings = settings;
        this.lifecycle = lifecycle;
    }

    HttpFunction routes(Callers callers) {
        return new HttpFunction(callers)
                .on(ACTIVATE, Citizen.class, (citizen, request) -> ApiResponse.ok(SpaceView.of(activate(citizen, request))))
                .on(ATTACH_CHILD, Citizen.class, (citizen, request) -> ApiResponse.created(child(attachChild(citizen, request))))
                .on(CHILDREN, Citizen.class, (citizen, request) ->
                        ApiResponse.ok(new Children(minors.children(citizen.subject()).stream().map(this::child).toList())))
                .on(SPACE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(SpaceView.of(settings.space(acting.actor(), acting.spaceKey())));
                })
                .on(CONTACT, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    JsonNode body = request.jsonBody();
                    settings.updateContact(acting.actor(), acting.spaceKey(), Fields.optionalEmail(body, "email"),
                            preferences(body));
                    return ApiResponse.ok(SpaceView.of(settings.space(acting.actor(), acting.spaceKey())));
                })
                .on(SET_TREATING_DOCTOR, Citizen.class, (citizen, request) -> access(citizen, request, acting ->
                        settings.designateTreatingDoctor(acting.actor(), acting.spaceKey(),
                                InvalidRppsException.require(Fields.text(request.jsonBody(), "rpps", 11)))))
                .on(REMOVE_TREATING_DOCTOR, Citizen.class, (citizen, request) -> access(citizen, request, acting ->
                        settings.removeTreatingDoctor(acting.actor(), acting.spaceKey())))
                .on(BLOCK, Citizen.class, (citizen, request) -> access(citizen, request, acting ->
                        settings.block(acting.actor(), acting.spaceKey(), rpps(request))))
                .on(UNBLOCK, Citizen.class, (citizen, request) -> access(citizen, request, acting ->
                        settings.unblock(acting.actor(), acting.spaceKey(), rpps(request))))
                .on(REVOKE_CONSENT, Citizen.class, (citizen, request) -> access(citizen, request, acting ->
                        settings.revokeConsent(acting.actor(), acting.spaceKey(), rpps(request))))
                .on(EMERGENCY_ACCESS, Citizen.class, (citizen, request) -> access(citizen, request, acting ->
                        settings.setEmergencyAccess(acting.actor(), acting.spaceKey(), Fields.bool(request.jsonBody(), "actif"))))
                .on(WHO_HAS_ACCESS, Citizen.class, (citizen, request) -> access(citizen, request, acting -> { }))
                .on(HISTORY, Citizen.class, this::history)
                .on(CLOSE, Citizen.class, (citizen, request) -> {
                    request.jsonBody(); // a JSON object, even empty: nothing else is a closure request
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(SpaceView.of(lifecycle.close(acting.actor(), acting.spaceKey())));
                })
                .on(DELETE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    String confirmation = Fields.optionalText(request.jsonBody(), "confirmation", 20).orElse("");
                    return ApiResponse.ok(SpaceView.of(lifecycle.requestDeletion(acting.actor(), acting.spaceKey(),
                            confirmation)));
                })
                .on(REOPEN, Citizen.class, (citizen, request) -> {
                    request.jsonBody();
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(SpaceView.of(lifecycle.reopen(acting.actor(), acting.spaceKey())));
                })
                .on(INVITE_CAREGIVER, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    JsonNode body = request.jsonBody();
                    String email = Fields.optionalEmail(body, "email").orElseThrow(() -> fr.espacesante.aws.http.ApiError
                            .invalid("CHAMP_MANQUANT", "Le champ « email » est obligatoire."));
                    var invitation = caregivers.invite(acting.actor(), acting.spaceKey(), new CaregiverDesignation.Invitee(
                            Fields.text(body, "nom", 100), Fields.text(body, "prenoms", 100), email));
                    return ApiResponse.created(InvitationView.of(invitation));
                })
                .on(CAREGIVERS, Citizen.class, (citizen, request) -> caregiverOverview(acting(citizen, request)))
                .on(REVOKE_CAREGIVER, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    caregivers.revoke(acting.actor(), acting.spaceKey(), Fields.identifier(request.pathParameter("reference"),
                            "reference", Fields.helpedReferenceShape()));
                    return caregiverOverview(acting);
                })
                .on(REVOKE_INVITATION, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    caregivers.revokeInvitation(acting.actor(), acting.spaceKey(), Fields.identifier(
                            request.pathParameter("invitation"), "invitation", INVITATION_ID));
                    return caregiverOverview(acting);
                })
                .on(HELPED, Citizen.class, (citizen, request) -> helped(citizen))
                .on(ACCEPT_INVITATION, Citizen.class, (citizen, request) -> {
                    var designation = caregivers.accept(citizen.subject(), request.sourceIp(),
                            Fields.text(request.jsonBody(), "code", 32));
                    return ApiResponse.created(HelpedView.of(designation));
                })
                .on(WITHDRAW, Citizen.class, (citizen, request) -> {
                    caregivers.withdraw(citizen.subject(), Fields.identifier(request.pathParameter("reference"), "reference",
                            Fields.helpedReferenceShape()));
                    return helped(citizen);
                });
    }

    private static final java.util.regex.Pattern INVITATION_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ApiResponse caregiverOverview(Representation.Acting acting) {
        var overview = caregivers.overview(acting.actor(), acting.spaceKey());
        return ApiResponse.ok(new CaregiversView(overview.caregivers().stream().map(CaregiverView::of).toList(),
                overview.invitations().stream().map(InvitationView::of).toList()));
    }

    private ApiResponse helped(Citizen citizen) {
        return ApiResponse.ok(new HelpedList(caregivers.helped(citizen.subject()).stream().map(HelpedView::of).toList()));
    }

    /** Who acts, in which space: the citizen in their own, or as legal representative with {@code ?enfant=}. */
    private Representation.Acting acting(Citizen citizen, ApiRequest request) {
        return representation.actingIn(citizen.subject(), Fields.childReference(request),
                Fields.helpedReference(request));
    }

    /** Applies a change to who may access the space, then answers who may access it now. */
    private ApiResponse access(Citizen citizen, ApiRequest request, java.util.function.Consumer<Representation.Acting> change) {
        var acting = acting(citizen, request);
        change.accept(acting);
        return ApiResponse.ok(AccessView.of(settings.whoHasAccess(acting.actor(), acting.spaceKey())));
    }

    /** With the code of the letter or e-mail, or with NIR + birth date + birth name. */
    private Space activate(Citizen citizen, ApiRequest request) {
        JsonNode body = request.jsonBody();
        Optional<String> code = Fields.optionalText(body, "code", 32);
        if (code.isPresent()) {
            return activation.activateWithCode(citizen.subject(), request.sourceIp(), code.get());
        }
        return activation.activate(citizen.subject(), request.sourceIp(), identityProof(body));
    }

    /**
     * A parent attaches a minor's space: the child's NIR, birth date and birth name, and either the
     * name of the other parent who agreed ({@code accordAutreParent}) or {@code autoriteParentaleExclusive}.
     */
    private Guardianship attachChild(Citizen citizen, ApiRequest request) {
        JsonNode body = request.jsonBody();
        Optional<String> otherParent = Fields.optionalText(body, "accordAutreParent", 200);
        boolean soleAuthority = Fields.optionalBool(body, "autoriteParentaleExclusive").orElse(false);
        if (otherParent.isPresent() == soleAuthority) {
            throw new GuardianshipException(GuardianshipException.Reason.AGREEMENT_MISSING);
        }
        var agreement = new MinorAttachment.Agreement(soleAuthority ? ParentalAgreement.SOLE_PARENTAL_AUTHORITY
                : ParentalAgreement.OTHER_PARENT_AGREED, otherParent);
        return minors.attach(citizen.subject(), request.sourceIp(), identityProof(body), agreement);
    }

    static SpaceActivation.IdentityProof identityProof(JsonNode body) {
        return new SpaceActivation.IdentityProof(Nir.parse(Fields.text(body, "ins", 30)),
                Fields.date(body, "dateNaissance"), Fields.text(body, "nomNaissance", 100));
    }

    private static String rpps(ApiRequest request) {
        return InvalidRppsException.require(request.pathParameter("rpps").orElse(""));
    }

    private static NotificationPreferences preferences(JsonNode body) {
        JsonNode notifications = body.get("notifications");
        if (notifications == null || !notifications.isObject()) {
            throw fr.espacesante.aws.http.ApiError.invalid("CHAMP_MANQUANT", "Le champ « notifications » est obligatoire.");
        }
        return new NotificationPreferences(Fields.bool(notifications, "nouveauxDocuments"),
                Fields.bool(notifications, "messages"), Fields.bool(notifications, "rappelsAgenda"));
    }

    private ApiResponse history(Citizen citizen, ApiRequest request) {
        var acting = acting(citizen, request);
        Optional<String> professional = request.query("professionnel");
        Optional<String> rule = request.query("regle");
        if (rule.isPresent() && Arrays.stream(AccessRule.values()).noneMatch(r -> r.id().equals(rule.get()))) {
            throw fr.espacesante.aws.http.ApiError.invalid("REGLE_INCONNUE", "Cette règle d'accès n'existe pas.");
        }
        professional.ifPresent(InvalidRppsException::require);
        AccessHistory.Page page = settings.history(acting.actor(), acting.spaceKey(),
                new AccessHistory.Filter(professional, rule),
                Fields.limit(request.query("limite"), DEFAULT_PAGE, MAX_PAGE), request.query("curseur"));
        return ApiResponse.ok(new HistoryPage(page.entries().stream().map(HistoryEntry::of).toList(),
                page.next().orElse(null)));
    }

    /** The reference is what the parent passes as {@code ?enfant=} to act in the child's space. */
    private ChildView child(Guardianship g) {
        return new ChildView(g.reference(), g.childFirstNames(), g.childBirthDate().toString(),
                g.agreement() == ParentalAgreement.SOLE_PARENTAL_AUTHORITY ? "AUTORITE_PARENTALE_EXCLUSIVE" : "ACCORD_AUTRE_PARENT",
                g.otherParentName().orElse(null), g.attachedAt().toString(), representation.cameOfAge(g));
    }

    record ChildView(String reference, String prenoms, String dateNaissance, String accord, String autreParent,
                     String rattacheLe, boolean majeur) {
    }

    record Children(List<ChildView> enfants) {
    }

    record Notifications(boolean nouveauxDocuments, boolean messages, boolean rappelsAgenda) {
    }

    /**
     * @param fermeLe when the space was closed (or its deletion asked); null while open
     * @param suppressionLe the day its data is purged: 10 years after closure, or the day deletion was asked
     */
    record SpaceView(String statut, String fermeLe, String suppressionLe, String creeLe, String creation, String activeLe,
                     String email, Notifications notifications, boolean accesUrgence, String medecinTraitant) {
        static SpaceView of(Space space) {
            return new SpaceView(space.status().name(),
                    space.closure().map(c -> c.closedAt().toString()).orElse(null),
                    space.closure().map(c -> c.purgeOn().toString()).orElse(null),
                    space.createdAt().toString(),
                    space.creation() == Space.Creation.SWEEP ? "AUTOMATIQUE" : "ACTIVATION",
                    space.activatedAt().map(Object::toString).orElse(null), space.email().orElse(null),
                    new Notifications(space.preferences().newDocuments(), space.preferences().messages(),
                            space.preferences().agendaReminders()),
                    space.access().emergencyAccessEnabled(), space.access().treatingDoctorRpps());
        }
    }

    record CurrentAccess(String rpps, String nom, String regle, String regleLibelle) {
        static CurrentAccess of(AccessSettings.CurrentAccess access) {
            return new CurrentAccess(access.rpps(), access.label(), access.rule().id(), access.rule().label());
        }
    }

    record AccessView(List<CurrentAccess> professionnels, List<CurrentAccess> bloques, boolean accesUrgence) {
        static AccessView of(AccessSettings.AccessOverview overview) {
            return new AccessView(overview.professionals().stream().map(CurrentAccess::of).toList(),
                    overview.blocked().stream().map(CurrentAccess::of).toList(), overview.emergencyAccessEnabled());
        }
    }

    /** Person keys are internal: the patient sees "you" or "a legal representative", professionals by RPPS and name. */
    record HistoryActor(String type, String identifiant, String nom, String profession) {
    }

    record HistoryEntry(String date, HistoryActor acteur, String ressource, String element, String action,
                        String regle, String regleLibelle, boolean autorise, String justification) {
        static HistoryEntry of(AccessEntry entry) {
            // Person keys are internal: a caregiver is shown by name only.
            boolean named = entry.actorKind().equals("PROFESSIONNEL") || entry.actorKind().equals("OPERATEUR");
            return new HistoryEntry(entry.at().toString(),
                    new HistoryActor(entry.actorKind(), named ? entry.actorId() : null, entry.actorName(),
                            entry.actorProfession()),
                    entry.resourceKind(), entry.resourceId(), entry.action(), entry.ruleId(),
                    Arrays.stream(AccessRule.values()).filter(r -> r.id().equals(entry.ruleId()))
                            .findFirst().map(AccessRule::label).orElse(entry.ruleId()),
                    entry.allowed(), entry.justification().orElse(null));
        }
    }

    record HistoryPage(List<HistoryEntry> acces, String suivant) {
    }

    /** A caregiver as the patient sees them: the reference revokes them. */
    record CaregiverView(String reference, String nom, String depuis) {
        static CaregiverView of(Designation d) {
            return new CaregiverView(d.reference(), d.caregiverName(), d.since().toString());
        }
    }

    /** An invitation as the patient sees it: never its code (sent to the invited person only). */
    record InvitationView(String id, String nom, String prenoms, String email, String valableJusquau, String statut) {
        static InvitationView of(Invitation i) {
            return new InvitationView(i.invitationId(), i.lastName(), i.firstNames(), i.email(), i.validUntil().toString(),
                    i.state().name());
        }
    }

    record CaregiversView(List<CaregiverView> aidants, List<InvitationView> invitations) {
    }

    /** A person the signed-in caregiver helps: {@code ?aide=reference} acts in their space. */
    record HelpedView(String reference, String nom, String depuis) {
        static HelpedView of(Designation d) {
            return new HelpedView(d.reference(), d.patientName(), d.since().toString());
        }
    }

    record HelpedList(List<HelpedView> aides) {
    }
}

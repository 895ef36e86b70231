package fr.espacesante.domain.access;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a space's access history: who, when, what, which action, under which rule, with
 * what outcome (and the written justification of an emergency access). Never changed once written.
 *
 * @param actorId person key (patient, parent), RPPS number (professional) or agent id (operator)
 */
public record AccessEntry(String spaceKey, Instant at, String actorKind, String actorId, String actorName,
                          String actorProfession, String resourceKind, String resourceId, String action,
                          String ruleId, boolean allowed, Optional<String> justification) {

    /** The actor id written for a professional whose token carried no valid RPPS. */
    public static final String UNVERIFIED_ID = "non-identifie";

    static AccessEntry of(AccessRequest request, String resourceId, AccessDecision decision, Instant at) {
        Actor actor = request.actor();
        String kind;
        String id;
        String name = null;
        String profession = null;
        switch (actor) {
            case Actor.Patient p -> {
                kind = "PATIENT";
                id = p.personKey();
            }
            case Actor.LegalRepresentative p -> {
                kind = "REPRESENTANT_LEGAL";
                id = p.personKey();
            }
            case Actor.Caregiver c -> {
                kind = "AIDANT";
                id = c.personKey();
                name = c.name();
            }
            case Actor.Professional p -> {
                kind = "PROFESSIONNEL";
                // A malformed claim is not written into the patient's history as if it were an RPPS.
                id = p.identityVerified() ? p.rpps() : UNVERIFIED_ID;
                name = p.name();
                profession = p.profession();
            }
            case Actor.Service service -> {
                kind = "SERVICE";
                id = service.serviceId();
                name = service.name();
                // The purposes stand where a professional's profession does: « for what ».
                profession = service.purposes();
            }
            case Actor.Operator o -> {
                kind = "OPERATEUR";
                id = o.agentId();
            }
        }
        Optional<String> justification = decision.rule() == AccessRule.EMERGENCY ? request.emergencyJustification()
                : Optional.empty();
        return new AccessEntry(request.space().ownerKey(), at, kind, id, name, profession,
                request.resource().kind().name(), resourceId, request.action().name(), decision.rule().id(),
                decision.allowed(), justification);
    }
}

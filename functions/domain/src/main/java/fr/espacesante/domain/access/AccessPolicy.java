package fr.espacesante.domain.access;

import fr.espacesante.domain.access.Actor.Caregiver;
import fr.espacesante.domain.access.Actor.LegalRepresentative;
import fr.espacesante.domain.access.Actor.Operator;
import fr.espacesante.domain.access.Actor.Patient;
import fr.espacesante.domain.access.Actor.Professional;
import fr.espacesante.domain.access.Actor.Service;

/**
 * The one decision function of "who may see what" (PRODUCT.md): every function that touches a
 * space asks it, and records its answer in the access history. Refusals are checked before grants,
 * so that a blocked professional is refused whatever else applies. A closed space is closed to
 * everyone but its owner (or the parent acting for the minor), who still sees its state and may
 * reopen it or have it deleted.
 */
public final class AccessPolicy {

    private static final int MIN_JUSTIFICATION = 10;

    public AccessDecision decide(AccessRequest request) {
        if (request.actor() instanceof Operator) {
            return AccessDecision.refuse(AccessRule.NO_HEALTH_DATA_FOR_OPERATORS);
        }
        if (request.space().closed() && !(ownerSide(request) && request.resource().reachableWhenClosed())) {
            return AccessDecision.refuse(AccessRule.SPACE_CLOSED);
        }
        return switch (request.actor()) {
            case Operator operator -> AccessDecision.refuse(AccessRule.NO_HEALTH_DATA_FOR_OPERATORS);
            case Patient patient -> forPatient(patient, request);
            case LegalRepresentative parent -> forLegalRepresentative(parent, request);
            case Caregiver caregiver -> forCaregiver(caregiver, request);
            case Professional professional -> forProfessional(professional, request);
            case Service service -> forService(service, request);
        };
    }

    /**
     * A caregiver helps with the record's content — reads it, adds to it — as the patient would, but
     * never manages it: no access settings, consents, caregivers, closure, export, nor hiding or
     * deleting a document.
     */
    private static AccessDecision forCaregiver(Caregiver caregiver, AccessRequest request) {
        if (!request.space().caregivers().contains(caregiver.personKey())) {
            return AccessDecision.refuse(AccessRule.NO_AUTHORISATION);
        }
        Resource resource = request.resource();
        if (!resource.isCareContent() || request.action() == AccessRequest.Action.WRITE) {
            return AccessDecision.refuse(AccessRule.BEYOND_CAREGIVER);
        }
        if (resource.isDocument() && resource.heldBackFromPatient()) {
            return AccessDecision.refuse(AccessRule.HELD_BACK);
        }
        return AccessDecision.allow(AccessRule.CAREGIVER);
    }

    /**
     * A connected service reads and writes the record's content only — documents, profile, agenda,
     * and the space as its pseudonymous patient — as far as the patient's grant goes, and only while
     * the catalogue lists it online; never a document held back or hidden by the patient.
     */
    private static AccessDecision forService(Service service, AccessRequest request) {
        if (!service.online()) {
            return AccessDecision.refuse(AccessRule.SERVICE_UNAVAILABLE);
        }
        Resource resource = request.resource();
        if (resource.isPatientOnly() || resource.isConsent() || resource.isConversation()) {
            return AccessDecision.refuse(AccessRule.PATIENT_ONLY);
        }
        if (!service.permitted()) {
            return AccessDecision.refuse(AccessRule.OUTSIDE_SERVICE_GRANT);
        }
        if (resource.isDocument() && resource.heldBackFromPatient()) {
            return AccessDecision.refuse(AccessRule.HELD_BACK);
        }
        if (resource.hiddenFromProfessionals()) {
            return AccessDecision.refuse(AccessRule.HIDDEN_BY_PATIENT);
        }
        return AccessDecision.allow(AccessRule.SERVICE_CATALOGUE);
    }

    /** The owner, or a parent attached to the (minor's) space. */
    private static boolean ownerSide(AccessRequest request) {
        return switch (request.actor()) {
            case Patient patient -> patient.personKey().equals(request.space().ownerKey());
            case LegalRepresentative parent -> request.space().legalRepresentatives().contains(parent.personKey());
            default -> false;
        };
    }

    private static AccessDecision forPatient(Patient patient, AccessRequest request) {
        if (!patient.personKey().equals(request.space().ownerKey())) {
            return AccessDecision.refuse(AccessRule.NO_AUTHORISATION);
        }
        if (request.resource().isDocument() && request.resource().heldBackFromPatient()) {
            return AccessDecision.refuse(AccessRule.HELD_BACK);
        }
        return AccessDecision.allow(AccessRule.OWNER);
    }

    private static AccessDecision forLegalRepresentative(LegalRepresentative parent, AccessRequest request) {
        if (!request.space().legalRepresentatives().contains(parent.personKey())) {
            return AccessDecision.refuse(AccessRule.NO_AUTHORISATION);
        }
        Resource resource = request.resource();
        if (resource.isDocument() && resource.heldBackFromPatient()) {
            return AccessDecision.refuse(AccessRule.HELD_BACK);
        }
        if ((resource.isDocument() || resource.isConversation()) && resource.hiddenFromLegalRepresentatives()) {
            return AccessDecision.refuse(AccessRule.HIDDEN_FROM_REPRESENTATIVES);
        }
        return AccessDecision.allow(AccessRule.LEGAL_REPRESENTATIVE);
    }

    private static AccessDecision forProfessional(Professional professional, AccessRequest request) {
        SpaceAccess space = request.space();
        Resource resource = request.resource();
        String rpps = professional.rpps();
        if (!professional.identityVerified()) {
            return AccessDecision.refuse(AccessRule.UNVERIFIED_PROFESSIONAL);
        }
        if (space.blockedRpps().contains(rpps)) {
            return AccessDecision.refuse(AccessRule.BLOCKED);
        }
        if (resource.isConsent() && request.action() == AccessRequest.Action.WRITE) {
            // Declaring the consent the patient gave at the point of care is how a professional gets access.
            return AccessDecision.allow(AccessRule.CONSENT_DECLARATION);
        }
        if (resource.isPatientOnly() || resource.isConsent()) {
            return AccessDecision.refuse(AccessRule.PATIENT_ONLY);
        }
        if (resource.kind() == Resource.Kind.PROFILE && request.action() != AccessRequest.Action.READ) {
            return AccessDecision.refuse(AccessRule.PROFILE_BY_PATIENT);
        }
        boolean author = resource.isDocument() && rpps.equals(resource.authorRpps());
        if (author) {
            return AccessDecision.allow(AccessRule.DOCUMENT_AUTHOR);
        }
        // The professional a conversation is held with keeps it, as an author keeps their document.
        if (resource.isConversation() && rpps.equals(resource.authorRpps())) {
            return AccessDecision.allow(AccessRule.CONVERSATION_PARTICIPANT);
        }
        AccessDecision relationship = relationship(professional, request);
        if (!relationship.allowed()) {
            return relationship;
        }
        if (resource.hiddenFromProfessionals() && relationship.rule() != AccessRule.TREATING_DOCTOR) {
            return AccessDecision.refuse(AccessRule.HIDDEN_BY_PATIENT);
        }
        return relationship;
    }

    /** Why this professional may open the space at all: treating doctor, consent, or emergency. */
    private static AccessDecision relationship(Professional professional, AccessRequest request) {
        SpaceAccess space = request.space();
        if (space.isTreatingDoctor(professional.rpps())) {
            return AccessDecision.allow(AccessRule.TREATING_DOCTOR);
        }
        if (space.consentedRpps().contains(professional.rpps())) {
            return AccessDecision.allow(AccessRule.CONSENT);
        }
        if (professional.emergencySetting() && request.emergencyJustification().isPresent()) {
            if (!space.emergencyAccessEnabled()) {
                return AccessDecision.refuse(AccessRule.EMERGENCY_DISABLED);
            }
            if (request.emergencyJustification().get().strip().length() < MIN_JUSTIFICATION) {
                return AccessDecision.refuse(AccessRule.EMERGENCY_WITHOUT_JUSTIFICATION);
            }
            return AccessDecision.allow(AccessRule.EMERGENCY);
        }
        return AccessDecision.refuse(AccessRule.NO_AUTHORISATION);
    }
}

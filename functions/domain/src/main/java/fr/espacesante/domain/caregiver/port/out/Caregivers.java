package fr.espacesante.domain.caregiver.port.out;

import fr.espacesante.domain.caregiver.Designation;
import fr.espacesante.domain.caregiver.Invitation;
import java.util.List;
import java.util.Optional;

/** Caregivers and invitations, moved by conditional writes that keep the limits (3 per patient, 5 per caregiver). */
public interface Caregivers {

    enum AcceptOutcome {
        ACCEPTED,
        /** Accepted, expired or revoked meanwhile. */
        INVITATION_GONE,
        ALREADY_CAREGIVER,
        PATIENT_HAS_THREE,
        CAREGIVER_HELPS_FIVE,
        SPACE_CLOSED
    }

    void invite(Invitation invitation);

    List<Invitation> invitations(String patientKey);

    Optional<Invitation> invitationByCodeHash(String codeHash);

    /** PENDING → REVOKED. @return false when it was not pending */
    boolean revokeInvitation(String patientKey, String invitationId);

    /**
     * Records the designation, the caregiver in the space's access, the invitation ACCEPTED and both
     * counters, in one transaction whose conditions keep the limits and the space open.
     */
    AcceptOutcome accept(Invitation invitation, Designation designation, fr.espacesante.domain.access.AccessEntry recorded);

    List<Designation> of(String patientKey);

    /** The patients this person helps. */
    List<Designation> helpedBy(String caregiverKey);

    Optional<Designation> find(String caregiverKey, String reference);

    /** Ends a designation at once (the caregiver out of the space's access, the counters back). @return false when gone */
    boolean revoke(Designation designation);

    /** {@link #revoke}, with its access-history entry in the same transaction. */
    boolean revoke(Designation designation, fr.espacesante.domain.access.AccessEntry recorded);
}

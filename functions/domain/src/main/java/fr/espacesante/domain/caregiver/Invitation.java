package fr.espacesante.domain.caregiver;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An invitation to become a patient's caregiver, sent by e-mail with a code valid 30 days. It holds the
 * code's keyed hash, never the code.
 *
 * @param lastName the caregiver's name as the patient typed it: the accepting person's registry name must match
 */
public record Invitation(String patientKey, String invitationId, String lastName, String firstNames, String email,
                         String codeHash, LocalDate validUntil, State state, Instant sentAt) {

    /** EXPIRED is never stored: a PENDING invitation past its validity reads so. */
    public enum State { PENDING, ACCEPTED, REVOKED, EXPIRED }

    public boolean usableOn(LocalDate day) {
        return state == State.PENDING && !day.isAfter(validUntil);
    }

    /** As it stands on {@code day}. */
    public Invitation on(LocalDate day) {
        return state == State.PENDING && day.isAfter(validUntil)
                ? new Invitation(patientKey, invitationId, lastName, firstNames, email, codeHash, validUntil, State.EXPIRED, sentAt)
                : this;
    }
}

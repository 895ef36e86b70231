package fr.espacesante.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The ledger entry of one person in one wave: the exactly-once record. It is created by a claim
 * (conditional: one per person and wave), owned by one sender run at a time through a lease, and
 * ends SENT. It holds the code's keyed hash and the deadline, never the code.
 *
 * @param owner the sender run holding the lease; another run may take over once {@code leaseUntil} passed
 * @param batchId the letter batch (manifest) a letter belongs to, fixed at claim time
 * @param deliveryId the SES message id, or the letter's object key, once sent
 */
public record Notification(String personKey, String waveId, String codeHash, LocalDate deadline, Channel channel,
                           State state, String owner, Instant leaseUntil, String batchId, Optional<String> deliveryId,
                           Optional<String> failure) {

    public enum Channel { EMAIL, LETTER }

    public enum State {
        /** Claimed by a run, nothing sent yet. */
        CLAIMED,
        /** The e-mail is being handed to SES (the residual window: see README). */
        SENDING,
        /** Delivered to SES or stored as a PDF for the print provider. */
        SENT
    }

    public Notification withOwner(String newOwner, Instant newLease) {
        return new Notification(personKey, waveId, codeHash, deadline, channel, state, newOwner, newLease, batchId,
                deliveryId, failure);
    }

    public Notification asLetter(String reason, String newBatchId, LocalDate newDeadline) {
        return new Notification(personKey, waveId, codeHash, newDeadline, Channel.LETTER, State.CLAIMED, owner,
                leaseUntil, newBatchId, Optional.empty(), Optional.of(reason));
    }
}

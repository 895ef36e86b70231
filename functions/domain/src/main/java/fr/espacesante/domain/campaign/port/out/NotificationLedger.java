package fr.espacesante.domain.campaign.port.out;

import fr.espacesante.domain.campaign.Notification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The exactly-once ledger of notifications: one entry per person and wave, moved by conditional
 * writes so that two runs can never both own it and a step is never counted twice.
 */
public interface NotificationLedger {

    /**
     * Creates the entry and takes the person out of the notification queue, atomically, if the
     * person still awaits notification and has no entry for this wave.
     *
     * @return empty when someone else claimed them or they are no longer waiting (objected, space created)
     */
    Optional<Notification> claim(Notification fresh);

    /** Entries of a wave not yet SENT whose lease has expired (a crashed or timed-out run): up to limit. */
    List<Notification> abandoned(String waveId, Instant now, int limit);

    /** Takes an abandoned entry over. @return false when another run took it first */
    boolean takeOver(Notification abandoned, String owner, Instant leaseUntil);

    /** CLAIMED → SENDING, if still ours. */
    boolean markSending(Notification notification);

    /**
     * → SENT (a letter stays unfinished until its batch's manifest is written), the person NOTIFIED with their deadline (unless they objected meanwhile), and the wave's
     * e-mail or letter count moved, in one transaction; only if still ours.
     */
    boolean markSent(Notification notification, String deliveryId, Instant at);

    /**
     * The e-mail failed (SES refused it, or it bounced later): the entry becomes a letter to send,
     * with a new deadline, in the letter batch given, owned until {@code leaseUntil} (a bounce frees it
     * at once for the next run); the wave's failure count moves.
     */
    void switchToLetter(Notification notification, String reason, String batchId, LocalDate deadline, Instant leaseUntil);

    /** Entries of a letter batch, for its manifest. */
    List<Notification> batch(String waveId, String batchId);

    /** The batch's manifest is written: these letters (the batch as read for it) are finished. */
    void manifestWritten(List<Notification> letters);

    Optional<Notification> findByCodeHash(String codeHash);

    Optional<Notification> findByDeliveryId(String deliveryId);

    Optional<Notification> find(String personKey, String waveId);

    /** True while an entry of the wave is not SENT (owned by a live run or abandoned). */
    boolean hasUnfinished(String waveId);
}

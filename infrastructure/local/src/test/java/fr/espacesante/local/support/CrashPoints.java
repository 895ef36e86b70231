package fr.espacesante.local.support;

import fr.espacesante.domain.family.port.out.Handovers;
import fr.espacesante.domain.lifecycle.port.out.PostalMail;

import fr.espacesante.domain.campaign.Notification;
import fr.espacesante.domain.campaign.NotificationLetter;
import fr.espacesante.domain.campaign.port.out.LetterOffice;
import fr.espacesante.domain.campaign.port.out.NotificationLedger;
import fr.espacesante.domain.mail.port.out.Mailer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where a sender run may die, for the fault-injection test: the sender's ports wrapped so that a
 * step's call throws {@link SimulatedCrash} just before or after it reaches storage, SES or S3, as a
 * killed or timed-out Lambda would stop. The domain knows nothing of it.
 */
@FunctionalInterface
public interface CrashPoints {

    void reached(Step step);

    enum Step {
        BEFORE_CLAIM, AFTER_CLAIM, AFTER_MARK_SENDING, AFTER_EMAIL_ACCEPTED, AFTER_LETTER_STORED, AFTER_MARK_SENT,
        BEFORE_MANIFEST
    }

    /** A run killed at a step. */
    final class SimulatedCrash extends RuntimeException {
        public SimulatedCrash(Step step) {
            super("simulated crash at " + step, null, false, false);
        }
    }

    default Mailer mailer(Mailer mailer) {
        return mail -> {
            String id = mailer.send(mail);
            reached(Step.AFTER_EMAIL_ACCEPTED);
            return id;
        };
    }

    default LetterOffice letters(LetterOffice letters) {
        return new LetterOffice() {
            @Override
            public String store(NotificationLetter letter) {
                String key = letters.store(letter);
                reached(Step.AFTER_LETTER_STORED);
                return key;
            }

            @Override
            public String writeManifest(String waveId, String batchId, List<ManifestLine> lines) {
                return letters.writeManifest(waveId, batchId, lines);
            }
        };
    }

    default NotificationLedger ledger(NotificationLedger ledger) {
        CrashPoints crash = this;
        return new NotificationLedger() {
            @Override
            public Optional<Notification> claim(Notification fresh) {
                crash.reached(Step.BEFORE_CLAIM);
                Optional<Notification> claimed = ledger.claim(fresh);
                if (claimed.isPresent()) {
                    crash.reached(Step.AFTER_CLAIM);
                }
                return claimed;
            }

            @Override
            public boolean markSending(Notification notification) {
                boolean marked = ledger.markSending(notification);
                if (marked) {
                    crash.reached(Step.AFTER_MARK_SENDING);
                }
                return marked;
            }

            @Override
            public boolean markSent(Notification notification, String deliveryId, Instant at) {
                boolean marked = ledger.markSent(notification, deliveryId, at);
                crash.reached(Step.AFTER_MARK_SENT);
                return marked;
            }

            @Override
            public List<Notification> abandoned(String waveId, Instant now, int limit) {
                return ledger.abandoned(waveId, now, limit);
            }

            @Override
            public boolean takeOver(Notification abandoned, String owner, Instant leaseUntil) {
                return ledger.takeOver(abandoned, owner, leaseUntil);
            }

            @Override
            public void switchToLetter(Notification notification, String reason, String batchId, LocalDate deadline,
                                       Instant leaseUntil) {
                ledger.switchToLetter(notification, reason, batchId, deadline, leaseUntil);
            }

            /** The sender reads a batch only to write its manifest if it is complete. */
            @Override
            public List<Notification> batch(String waveId, String batchId) {
                crash.reached(Step.BEFORE_MANIFEST);
                return ledger.batch(waveId, batchId);
            }

            @Override
            public void manifestWritten(List<Notification> letters) {
                ledger.manifestWritten(letters);
            }

            @Override
            public Optional<Notification> findByCodeHash(String codeHash) {
                return ledger.findByCodeHash(codeHash);
            }

            @Override
            public Optional<Notification> findByDeliveryId(String deliveryId) {
                return ledger.findByDeliveryId(deliveryId);
            }

            @Override
            public Optional<Notification> find(String personKey, String waveId) {
                return ledger.find(personKey, waveId);
            }

            @Override
            public boolean hasUnfinished(String waveId) {
                return ledger.hasUnfinished(waveId);
            }
        };
    }

    /** The handover's ledger, with the same crash points as the wave's. */
    default Handovers handovers(Handovers handovers) {
        CrashPoints crash = this;
        return new Handovers() {
            @Override
            public Page due(LocalDate birthday, int shard, int limit, Optional<String> cursor) {
                return handovers.due(birthday, shard, limit, cursor);
            }

            @Override
            public Optional<Entry> claim(Entry fresh, Instant now) {
                crash.reached(Step.BEFORE_CLAIM);
                Optional<Entry> claimed = handovers.claim(fresh, now);
                if (claimed.isPresent()) {
                    crash.reached(Step.AFTER_CLAIM);
                }
                return claimed;
            }

            @Override
            public boolean markSending(Entry entry) {
                boolean marked = handovers.markSending(entry);
                if (marked) {
                    crash.reached(Step.AFTER_MARK_SENDING);
                }
                return marked;
            }

            @Override
            public boolean markSent(Entry entry, Due due, String deliveryId, fr.espacesante.domain.access.AccessEntry handover) {
                boolean marked = handovers.markSent(entry, due, deliveryId, handover);
                crash.reached(Step.AFTER_MARK_SENT);
                return marked;
            }

            @Override
            public Optional<LocalDate> handedOverThrough() {
                return handovers.handedOverThrough();
            }

            @Override
            public void recordHandedOverThrough(LocalDate day) {
                handovers.recordHandedOverThrough(day);
            }
        };
    }

    default PostalMail post(PostalMail post) {
        return letter -> {
            post.post(letter);
            reached(Step.AFTER_LETTER_STORED);
        };
    }
}

package fr.espacesante.domain.campaign;

import fr.espacesante.domain.campaign.port.out.NotificationLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A notification e-mail that bounced for good (SES "Permanent" bounce) becomes a letter: same code,
 * a deadline counted from the letter, a batch of its own (a manifest is never rewritten), and the
 * wave's failure count moves. Transient bounces are SES's to retry. Replays change nothing.
 */
public final class EmailBounces {

    private final NotificationLedger ledger;
    private final Clock clock;
    private final int objectionDays;

    public EmailBounces(NotificationLedger ledger, Clock clock, int objectionDays) {
        this.ledger = ledger;
        this.clock = clock;
        this.objectionDays = objectionDays;
    }

    /** @return true when the notification was switched to a letter by this call */
    public boolean bounced(String messageId, boolean permanent) {
        if (!permanent) {
            return false;
        }
        return ledger.findByDeliveryId(messageId)
                .filter(n -> n.channel() == Notification.Channel.EMAIL && n.state() == Notification.State.SENT)
                .map(n -> {
                    LocalDate today = clock.instant().atZone(ZoneId.of("Europe/Paris")).toLocalDate();
                    ledger.switchToLetter(n, "rebond permanent", "rebond-" + messageId, today.plusDays(objectionDays),
                            Instant.EPOCH);
                    return true;
                })
                .orElse(false);
    }
}

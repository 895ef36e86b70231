package fr.espacesante.mailevents;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.campaign.EmailBounces;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * SES events delivered by EventBridge (configuration set → default bus → rule in the template):
 * "Email Bounced" with a permanent bounce turns the notification into a letter.
 */
public class MailEventsFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "mailEvents";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.task(context, FUNCTION_NAME, adapters -> {
            EmailBounces bounces = new EmailBounces(adapters.ledger(), adapters.clock(), adapters.objectionDays());
            return event -> Map.of("courrier", handle(bounces, event));
        });
    }

    /** Reads only what it needs from the event; addresses in it are never logged. */
    @SuppressWarnings("rawtypes")
    static boolean handle(EmailBounces bounces, Map event) {
        if (!(event.get("detail") instanceof Map detail) || !(detail.get("mail") instanceof Map mail)
                || !(mail.get("messageId") instanceof String messageId)) {
            return false;
        }
        boolean permanent = detail.get("bounce") instanceof Map bounce && "Permanent".equals(bounce.get("bounceType"));
        return "Bounce".equals(detail.get("eventType")) && bounces.bounced(messageId, permanent);
    }
}

package fr.espacesante.aws.mail;

import fr.espacesante.domain.mail.port.out.Mailer;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

/** E-mail through SES v2: one simple message, plain text and HTML, UTF-8, from the verified sender. */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String sender;
    private final String configurationSet;

    /** @param configurationSet the SES configuration set whose events (bounces) go to EventBridge; blank for none */
    public SesMailer(SesV2Client ses, String sender, String configurationSet) {
        this.ses = ses;
        this.sender = sender;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    /**
     * Refusals that sending again cannot cure become {@link RejectedException} (the sender then posts a
     * letter); throttling and network errors propagate, so the step is retried later.
     */
    @Override
    public String send(Mail mail) {
        try {
            return ses.sendEmail(r -> r.fromEmailAddress(sender).configurationSetName(configurationSet)
                    .destination(d -> d.toAddresses(mail.to()))
                    .content(c -> c.simple(m -> m
                            .subject(utf8(mail.subject()))
                            .body(b -> b.text(utf8(mail.text())).html(utf8(mail.html()))))))
                    .messageId();
        } catch (MessageRejectedException | AccountSuspendedException | SendingPausedException e) {
            throw new RejectedException("refusé par SES (" + e.getClass().getSimpleName() + ")");
        } catch (BadRequestException e) {
            // An address SES cannot deliver to; the exception text may quote it, so it is not kept.
            throw new RejectedException("adresse refusée par SES");
        }
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }
}

package fr.espacesante.aws.mail;

import fr.espacesante.domain.port.out.Mailer;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Content;

/** E-mail through SES v2: one simple message, plain text and HTML, UTF-8, from the verified sender. */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String sender;

    public SesMailer(SesV2Client ses, String sender) {
        this.ses = ses;
        this.sender = sender;
    }

    @Override
    public String send(Mail mail) {
        return ses.sendEmail(r -> r.fromEmailAddress(sender)
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.simple(m -> m
                        .subject(utf8(mail.subject()))
                        .body(b -> b.text(utf8(mail.text())).html(utf8(mail.html()))))))
                .messageId();
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }
}

package fr.espacesante.domain.messaging;

import fr.espacesante.domain.mail.port.out.Mailer.Mail;

/** « A message is waiting »: never its text, its subject or the professional's name. */
public final class MessageNotices {

    private final String serviceUrl;

    public MessageNotices(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    public Mail waiting(String to) {
        String text = """
                Bonjour,

                Un nouveau message vous attend dans la messagerie de votre espace santé : %s

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                """.formatted(serviceUrl);
        String html = """
                <!DOCTYPE html><html lang="fr"><body>
                <p>Bonjour,</p>
                <p>Un nouveau message vous attend dans la <a href="%s">messagerie de votre espace santé</a>.</p>
                <p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>
                </body></html>
                """.formatted(serviceUrl);
        return Mail.of(to, "Un message vous attend dans votre espace santé", text, html);
    }
}

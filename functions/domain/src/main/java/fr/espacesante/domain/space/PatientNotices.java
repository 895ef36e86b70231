package fr.espacesante.domain.space;

import fr.espacesante.domain.mail.port.out.Mailer.Mail;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The e-mails sent to patients, in French. They say that something happened and where to look,
 * never what: no document title, no content, no professional's speciality that would hint at care.
 */
public final class PatientNotices {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH' h 'mm", Locale.FRENCH);

    private final String serviceUrl;

    /** @param serviceUrl the public address of the web space, written in every notice */
    public PatientNotices(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    public Mail emergencyAccess(String to, Instant at) {
        String when = "le " + DATE.format(at.atZone(PARIS)) + " à " + TIME.format(at.atZone(PARIS));
        String subject = "Accès en urgence à votre espace santé";
        String text = """
                Bonjour,

                Un professionnel de santé a ouvert votre espace santé en urgence %s, \
                en justifiant cet accès par écrit.

                Vous pouvez voir qui a accédé à votre espace, quand et pourquoi dans \
                « Historique des accès » : %s

                Si vous ne souhaitez plus que votre espace puisse être ouvert en urgence, \
                vous pouvez désactiver l'accès en urgence dans vos paramètres.

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                """.formatted(when, serviceUrl);
        String html = """
                <!DOCTYPE html><html lang="fr"><body>
                <p>Bonjour,</p>
                <p>Un professionnel de santé a ouvert votre espace santé en urgence %s, \
                en justifiant cet accès par écrit.</p>
                <p>Vous pouvez voir qui a accédé à votre espace, quand et pourquoi dans \
                <a href="%s">« Historique des accès »</a>.</p>
                <p>Si vous ne souhaitez plus que votre espace puisse être ouvert en urgence, \
                vous pouvez désactiver l'accès en urgence dans vos paramètres.</p>
                <p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>
                </body></html>
                """.formatted(when, serviceUrl);
        return Mail.of(to, subject, text, html);
    }

    /** A new document arrived: no title, no category, no author — only where to look. */
    public Mail newDocument(String to) {
        String text = """
                Bonjour,

                Un nouveau document a été ajouté à votre espace santé.

                Vous pouvez le consulter dans « Mes documents » : %s

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                """.formatted(serviceUrl);
        String html = """
                <!DOCTYPE html><html lang="fr"><body>
                <p>Bonjour,</p>
                <p>Un nouveau document a été ajouté à votre espace santé.</p>
                <p>Vous pouvez le consulter dans <a href="%s">« Mes documents »</a>.</p>
                <p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>
                </body></html>
                """.formatted(serviceUrl);
        return Mail.of(to, "Un nouveau document dans votre espace santé", text, html);
    }

    /** To a parent: a document arrived in their child's space (the child is not named either). */
    public Mail newDocumentForChild(String to) {
        String text = """
                Bonjour,

                Un nouveau document a été ajouté à l'espace santé de votre enfant.

                Vous pouvez le consulter dans « Mes documents », espace de votre enfant : %s

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                """.formatted(serviceUrl);
        String html = """
                <!DOCTYPE html><html lang="fr"><body>
                <p>Bonjour,</p>
                <p>Un nouveau document a été ajouté à l'espace santé de votre enfant.</p>
                <p>Vous pouvez le consulter dans <a href="%s">« Mes documents »</a>, espace de votre enfant.</p>
                <p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>
                </body></html>
                """.formatted(serviceUrl);
        return Mail.of(to, "Un nouveau document dans l'espace santé de votre enfant", text, html);
    }
}

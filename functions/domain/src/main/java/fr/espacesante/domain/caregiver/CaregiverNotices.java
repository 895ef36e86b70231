package fr.espacesante.domain.caregiver;

import fr.espacesante.domain.mail.port.out.Mailer.Mail;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The e-mails of the caregivers' journey: the invitation with its code, and the patient told of the acceptance. */
public final class CaregiverNotices {

    public static final String INVITATION_SUBJECT = "Invitation à devenir aidant dans un espace santé";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final String serviceUrl;

    public CaregiverNotices(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    /** To the invited caregiver: who invites them (first names only), the code, until when, and how. */
    public Mail invitation(String to, String patientFirstNames, String code, LocalDate validUntil) {
        String text = """
                Bonjour,

                %s vous invite à devenir son aidant dans son espace santé : vous pourrez consulter ses \
                documents et en ajouter pour l'aider, avec votre propre compte.

                Pour accepter, connectez-vous sur %s avec votre propre identité, puis ouvrez « J'aide un proche » \
                et saisissez ce code :

                %s

                Ce code est valable jusqu'au %s. Si vous ne connaissez pas cette personne, ignorez ce message.

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                """.formatted(patientFirstNames, serviceUrl, code, DATE.format(validUntil));
        String html = """
                <!DOCTYPE html><html lang="fr"><body>
                <p>Bonjour,</p>
                <p>%s vous invite à devenir son aidant dans son espace santé : vous pourrez consulter ses \
                documents et en ajouter pour l'aider, avec votre propre compte.</p>
                <p>Pour accepter, connectez-vous sur <a href="%s">votre espace santé</a> avec votre propre identité, \
                puis ouvrez « J'aide un proche » et saisissez ce code :</p>
                <p><strong>%s</strong></p>
                <p>Ce code est valable jusqu'au %s. Si vous ne connaissez pas cette personne, ignorez ce message.</p>
                <p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>
                </body></html>
                """.formatted(escape(patientFirstNames), serviceUrl, code, DATE.format(validUntil));
        return Mail.of(to, INVITATION_SUBJECT, text, html);
    }

    /** To the patient: their caregiver accepted (named: the patient chose them). */
    public Mail accepted(String to, String caregiverName) {
        String text = """
                Bonjour,

                %s a accepté d'être votre aidant : cette personne peut désormais consulter vos documents et en \
                ajouter. Vous pouvez retirer ce rôle à tout moment dans « Mes aidants » : %s

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                """.formatted(caregiverName, serviceUrl);
        String html = """
                <!DOCTYPE html><html lang="fr"><body>
                <p>Bonjour,</p>
                <p>%s a accepté d'être votre aidant : cette personne peut désormais consulter vos documents et en \
                ajouter. Vous pouvez retirer ce rôle à tout moment dans <a href="%s">« Mes aidants »</a>.</p>
                <p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>
                </body></html>
                """.formatted(escape(caregiverName), serviceUrl);
        return Mail.of(to, "Votre aidant a accepté", text, html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

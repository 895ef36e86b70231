package fr.espacesante.domain.campaign;

import fr.espacesante.domain.mail.port.out.Mailer.Mail;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The French wording of the campaign: the notification (e-mail and letter paragraphs) and the
 * objection confirmation. One place, so that e-mail and letter always say the same thing.
 */
public final class CampaignNotices {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    private final String serviceUrl;

    public CampaignNotices(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    public static String frenchDate(LocalDate day) {
        return FRENCH_DATE.format(day);
    }

    /** The paragraphs of a notification, shared by the e-mail and the letter. */
    public List<String> notificationParagraphs(String code, LocalDate deadline) {
        return List.of(
                "L'Assurance Maladie et le ministère de la Santé créent pour chaque assuré un espace santé personnel et "
                        + "sécurisé : vous y retrouverez vos documents de santé (ordonnances, résultats d'analyses, "
                        + "comptes rendus), votre profil médical, une messagerie sécurisée avec vos professionnels de "
                        + "santé et un agenda santé. Vous seul décidez qui peut y accéder.",
                "Votre code personnel : " + code,
                "Sans opposition de votre part avant le " + frenchDate(deadline) + " inclus, votre espace santé sera "
                        + "créé automatiquement. Vous pourrez le fermer à tout moment.",
                "Pour vous opposer à sa création, rendez-vous sur " + serviceUrl + "/opposition et saisissez ce code, "
                        + "ou votre numéro de sécurité sociale, votre date de naissance et votre nom de naissance.",
                "Pour activer votre espace dès maintenant, connectez-vous sur " + serviceUrl + " avec ce code.",
                "Ne communiquez ce code à personne : aucun conseiller ne vous le demandera.");
    }

    public Mail notificationEmail(String to, String code, LocalDate deadline) {
        List<String> paragraphs = notificationParagraphs(code, deadline);
        String text = "Bonjour,\n\n" + String.join("\n\n", paragraphs)
                + "\n\nCe message est envoyé automatiquement, merci de ne pas y répondre.\n";
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body><p>Bonjour,</p>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        html.append("<p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p></body></html>");
        return Mail.of(to, "Votre espace santé va être créé", text, html.toString());
    }

    public Mail objectionConfirmation(String to, String reference) {
        String text = """
                Bonjour,

                Nous avons bien enregistré votre opposition à la création automatique de votre espace santé.
                Référence : %s

                Aucun espace ne sera créé pour vous dans le cadre de cette campagne. Vous pourrez toujours \
                créer votre espace plus tard, si vous le souhaitez, sur %s.

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                """.formatted(reference, serviceUrl);
        String html = "<!DOCTYPE html><html lang=\"fr\"><body><p>Bonjour,</p><p>Nous avons bien enregistré votre "
                + "opposition à la création automatique de votre espace santé.<br>Référence : <strong>"
                + escape(reference) + "</strong></p><p>Aucun espace ne sera créé pour vous dans le cadre de cette "
                + "campagne. Vous pourrez toujours créer votre espace plus tard, si vous le souhaitez, sur "
                + escape(serviceUrl) + ".</p><p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>"
                + "</body></html>";
        return Mail.of(to, "Votre opposition est enregistrée", text, html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

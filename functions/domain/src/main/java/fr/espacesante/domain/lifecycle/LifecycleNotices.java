package fr.espacesante.domain.lifecycle;

import fr.espacesante.domain.mail.port.out.Mailer.Mail;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the owner is told, by e-mail or letter, when their space is closed, deleted or reopened. */
public final class LifecycleNotices {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    /** A notice's words, written into an e-mail or a letter. */
    public record Notice(String title, List<String> paragraphs) {
    }

    private final String serviceUrl;

    public LifecycleNotices(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    public Notice closure(LocalDate closedOn, LocalDate keptUntil) {
        return new Notice("Votre espace santé est fermé", List.of(
                "Votre espace santé a été fermé le " + DATE.format(closedOn) + ".",
                "Plus aucun professionnel de santé ne peut le consulter ni y déposer de document, "
                        + "et vous ne recevrez plus de notification.",
                "Vos données sont conservées jusqu'au " + DATE.format(keptUntil) + ", puis supprimées définitivement. "
                        + "D'ici là, vous pouvez rouvrir votre espace avec toutes ses données, "
                        + "ou en demander la suppression immédiate : " + serviceUrl));
    }

    public Notice deletion(LocalDate askedOn, LocalDate deletedBy) {
        return new Notice("Suppression de votre espace santé", List.of(
                "Vous avez demandé le " + DATE.format(askedOn) + " la suppression de votre espace santé.",
                "Tous vos documents et toutes vos données seront supprimés définitivement au plus tard le "
                        + DATE.format(deletedBy) + " ; ils ne pourront pas être récupérés.",
                "Si vous le souhaitez, vous pourrez ensuite créer un nouvel espace, vide : " + serviceUrl));
    }

    public Notice reopening(LocalDate reopenedOn) {
        return new Notice("Votre espace santé est rouvert", List.of(
                "Votre espace santé a été rouvert le " + DATE.format(reopenedOn) + ", avec toutes ses données.",
                "Les professionnels de santé que vous aviez autorisés peuvent de nouveau le consulter. "
                        + "Vous pouvez vérifier qui y a accès dans vos paramètres : " + serviceUrl));
    }

    public Mail mail(String to, Notice notice) {
        StringBuilder text = new StringBuilder("Bonjour,\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body>\n<p>Bonjour,</p>\n");
        for (String paragraph : notice.paragraphs()) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        text.append("Ce message est envoyé automatiquement, merci de ne pas y répondre.\n");
        html.append("<p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>\n</body></html>\n");
        return Mail.of(to, notice.title(), text.toString(), html.toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

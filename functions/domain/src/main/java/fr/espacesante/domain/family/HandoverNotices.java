package fr.espacesante.domain.family;

import fr.espacesante.domain.mail.port.out.Mailer.Mail;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What a young adult is told on their 18th birthday: the space is theirs now, and how to activate it. */
public final class HandoverNotices {

    public static final String TITLE = "Votre espace santé est désormais le vôtre";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final String serviceUrl;

    public HandoverNotices(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    public List<String> paragraphs(String code, LocalDate validUntil) {
        return List.of(
                "Vous avez 18 ans : votre espace santé, jusqu'ici géré par votre représentant légal, est désormais le vôtre. "
                        + "Votre représentant légal n'y a plus accès.",
                "Pour l'activer, connectez-vous sur " + serviceUrl + " et saisissez ce code personnel :",
                code,
                "Ce code est valable jusqu'au " + DATE.format(validUntil) + ". Les documents que vos représentants "
                        + "légaux ne voyaient pas sont à vous, comme tout votre espace. Vous pouvez aussi le fermer "
                        + "ou en demander la suppression depuis ses paramètres.");
    }

    public Mail mail(String to, String code, LocalDate validUntil) {
        StringBuilder text = new StringBuilder("Bonjour,\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body>\n<p>Bonjour,</p>\n");
        for (String paragraph : paragraphs(code, validUntil)) {
            text.append(paragraph).append("\n\n");
            html.append(paragraph.equals(code) ? "<p><strong>" + code + "</strong></p>\n" : "<p>" + escape(paragraph) + "</p>\n");
        }
        text.append("Ce message est envoyé automatiquement, merci de ne pas y répondre.\n");
        html.append("<p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>\n</body></html>\n");
        return Mail.of(to, TITLE, text.toString(), html.toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

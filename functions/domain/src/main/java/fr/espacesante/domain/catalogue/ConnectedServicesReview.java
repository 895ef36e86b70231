package fr.espacesante.domain.catalogue;

import fr.espacesante.domain.campaign.Departments;
import fr.espacesante.domain.catalogue.port.out.Catalogue;
import fr.espacesante.domain.catalogue.port.out.Grants;
import fr.espacesante.domain.catalogue.port.out.ReviewSchedule;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.port.out.Spaces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every 90 days, an e-mail to each space with connected services listing them, so that a patient
 * never forgets who may read and write in their space. Daily, from the checkpoint (missed days are
 * caught up), only the spaces due that day are read (a sparse index). A space's review is moved to
 * the next date before its e-mail goes: a run that crashes in between loses that one notice rather
 * than sending it twice — for an information notice, the lesser harm. It is a security notice: it
 * goes whatever the notice preferences say, as the emergency-access one does.
 */
public final class ConnectedServicesReview {

    public static final int EVERY_DAYS = 90;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PAGE = 100;

    public record Report(int sent, int withoutEmail, int ended, int alreadyHandled) {
    }

    private final ReviewSchedule schedule;
    private final Grants grants;
    private final Catalogue catalogue;
    private final Spaces spaces;
    private final Mailer mailer;
    private final String serviceUrl;
    private final Clock clock;

    public ConnectedServicesReview(ReviewSchedule schedule, Grants grants, Catalogue catalogue, Spaces spaces, Mailer mailer,
                                   String serviceUrl, Clock clock) {
        this.schedule = schedule;
        this.grants = grants;
        this.catalogue = catalogue;
        this.spaces = spaces;
        this.mailer = mailer;
        this.serviceUrl = serviceUrl;
        this.clock = clock;
    }

    public Report run() {
        LocalDate today = clock.instant().atZone(PARIS).toLocalDate();
        LocalDate from = schedule.reviewedThrough().map(d -> d.plusDays(1)).orElse(today);
        int sent = 0;
        int silent = 0;
        int ended = 0;
        int handled = 0;
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            for (int shard = 0; shard < Departments.SHARDS; shard++) {
                Optional<String> cursor = Optional.empty();
                do {
                    ReviewSchedule.DuePage page = schedule.due(day, shard, PAGE, cursor);
                    for (String spaceKey : page.spaceKeys()) {
                        List<Grant> connected = grants.of(spaceKey);
                        if (connected.isEmpty()) {
                            schedule.stop(spaceKey, day);
                            ended++;
                        } else if (!schedule.reschedule(spaceKey, day, today.plusDays(EVERY_DAYS))) {
                            handled++;
                        } else {
                            Optional<String> email = spaces.find(spaceKey).filter(s -> !s.status().closed()).flatMap(Space::email);
                            if (email.isPresent()) {
                                mailer.send(mail(email.get(), connected));
                                sent++;
                            } else {
                                silent++;
                            }
                        }
                    }
                    cursor = page.cursor();
                } while (cursor.isPresent());
            }
            schedule.recordReviewedThrough(day);
        }
        return new Report(sent, silent, ended, handled);
    }

    private Mailer.Mail mail(String to, List<Grant> connected) {
        List<String> lines = new ArrayList<>();
        for (Grant grant : connected) {
            String name = catalogue.find(grant.serviceId()).map(ReferencedService::name).orElse(grant.serviceId());
            lines.add(name + " (" + grant.purposesLabel() + ")");
        }
        String text = "Bonjour,\n\nVoici les services connectés à votre espace santé :\n" + String.join("\n", lines.stream()
                .map(l -> "- " + l).toList()) + "\n\nVous pouvez voir ce que chacun lit et écrit, et le révoquer à tout moment : "
                + serviceUrl + "/#/services\n\nCe message est envoyé automatiquement tous les 90 jours, merci de ne pas y répondre.\n";
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body>\n<p>Bonjour,</p>\n"
                + "<p>Voici les services connectés à votre espace santé :</p>\n<ul>\n");
        lines.forEach(l -> html.append("<li>").append(escape(l)).append("</li>\n"));
        html.append("</ul>\n<p>Vous pouvez voir ce que chacun lit et écrit, et le révoquer à tout moment dans ")
                .append("<a href=\"").append(serviceUrl).append("/#/services\">vos services connectés</a>.</p>\n")
                .append("<p>Ce message est envoyé automatiquement tous les 90 jours, merci de ne pas y répondre.</p>\n</body></html>\n");
        return Mailer.Mail.of(to, "Les services connectés à votre espace santé", text, html.toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package fr.espacesante.domain.agenda;

import fr.espacesante.domain.agenda.port.out.AgendaBook;
import fr.espacesante.domain.campaign.Departments;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.mail.port.out.Mailer.Mail;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.port.out.Spaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The agenda's reminder e-mails, every quarter of an hour: the entries due in each hour since the
 * checkpoint (an index by due hour: the cost grows with what is due, never with the agendas), each
 * sent once even when runs crash or overlap — claimed with a lease a crashed run's successor takes
 * over, out of the index once sent (the residual window of the waves: an identical e-mail). The
 * e-mail says when, never with whom, for what, nor the notes: « vous avez un rendez-vous demain à 10 h 30 ».
 */
public final class AgendaReminders {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PAGE = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H' h 'mm", Locale.FRENCH);

    public record Report(int sent, int withoutEmail, int alreadyHandled) {
    }

    private final AgendaBook book;
    private final Spaces spaces;
    private final Mailer mailer;
    private final String serviceUrl;
    private final Clock clock;
    private final Duration lease;

    public AgendaReminders(AgendaBook book, Spaces spaces, Mailer mailer, String serviceUrl, Clock clock, Duration lease) {
        this.book = book;
        this.spaces = spaces;
        this.mailer = mailer;
        this.serviceUrl = serviceUrl;
        this.clock = clock;
        this.lease = lease;
    }

    public Report run() {
        Instant now = clock.instant();
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        // No checkpoint: nothing was ever due before the hour before this one.
        Instant from = book.remindedThrough().map(h -> h.plus(Duration.ofHours(1))).orElse(currentHour.minus(Duration.ofHours(1)));
        String owner = UUID.randomUUID().toString();
        int sent = 0;
        int silent = 0;
        int handled = 0;
        for (Instant hour = from; !hour.isAfter(currentHour); hour = hour.plus(Duration.ofHours(1))) {
            for (int shard = 0; shard < Departments.SHARDS; shard++) {
                Optional<String> cursor = Optional.empty();
                do {
                    AgendaBook.DuePage page = book.due(hour, shard, PAGE, cursor);
                    for (AgendaBook.Due due : page.due()) {
                        switch (remind(due, hour, owner, now)) {
                            case SENT -> sent++;
                            case SILENT -> silent++;
                            case NOT_OURS, NOT_YET -> handled++;
                        }
                    }
                    cursor = page.cursor();
                } while (cursor.isPresent());
            }
            // The current hour stays open: what falls due later in it is sent by a later run.
            if (hour.isBefore(currentHour)) {
                book.recordRemindedThrough(hour);
            }
        }
        return new Report(sent, silent, handled);
    }

    private enum Outcome { SENT, SILENT, NOT_OURS, NOT_YET }

    private Outcome remind(AgendaBook.Due due, Instant hour, String owner, Instant now) {
        Optional<AgendaItem> item = book.find(due.spaceKey(), due.itemId());
        if (item.isPresent() && item.get().remindAt().map(at -> at.isAfter(now)).orElse(false)) {
            return Outcome.NOT_YET;
        }
        if (!book.claim(due, hour, owner, now, now.plus(lease))) {
            return Outcome.NOT_OURS;
        }
        Optional<String> email = item.flatMap(i -> spaces.find(i.spaceKey()))
                .filter(s -> !s.status().closed() && s.preferences().agendaReminders()).flatMap(Space::email);
        if (email.isPresent() && item.get().status() == AgendaItem.Status.PLANNED) {
            mailer.send(mail(email.get(), item.get(), now));
        }
        book.markSent(due, owner);
        return email.isPresent() ? Outcome.SENT : Outcome.SILENT;
    }

    private Mail mail(String to, AgendaItem item, Instant now) {
        var at = item.at();
        String when = at.toLocalDate().equals(now.atZone(PARIS).toLocalDate().plusDays(1)) ? "demain"
                : at.toLocalDate().equals(now.atZone(PARIS).toLocalDate()) ? "aujourd'hui" : "le " + DAY.format(at);
        String what = item.kind() == AgendaItem.Kind.APPOINTMENT ? "un rendez-vous" : "un rappel";
        String sentence = "Vous avez " + what + " " + when + " à " + TIME.format(at) + ".";
        String text = "Bonjour,\n\n" + sentence + "\n\nLe détail est dans l'agenda de votre espace santé : " + serviceUrl
                + "\n\nCe message est envoyé automatiquement, merci de ne pas y répondre.\n";
        String html = "<!DOCTYPE html><html lang=\"fr\"><body>\n<p>Bonjour,</p>\n<p>" + sentence + "</p>\n<p>Le détail est dans "
                + "<a href=\"" + serviceUrl + "\">l'agenda de votre espace santé</a>.</p>\n"
                + "<p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>\n</body></html>\n";
        return Mail.of(to, "Rappel de votre agenda santé", text, html);
    }
}

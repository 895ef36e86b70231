package fr.espacesante.agenda;

import fr.espacesante.domain.agenda.AgendaItem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The agenda as an iCalendar feed (RFC 5545), written by ical4j: one event per entry, in UTC. It
 * carries the title, the time and the address — what a calendar app needs — but neither the
 * speciality nor the notes, which would otherwise sit with the patient's calendar provider.
 */
final class IcsFeed {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration APPOINTMENT = Duration.ofMinutes(30);
    private static final Duration REMINDER = Duration.ofMinutes(15);

    private IcsFeed() {
    }

    static byte[] of(List<AgendaItem> items) {
        Calendar calendar = new Calendar().withProdId("-//Espace Santé//Agenda santé//FR").withDefaults().getFluentTarget();
        for (AgendaItem item : items) {
            boolean appointment = item.kind() == AgendaItem.Kind.APPOINTMENT;
            VEvent event = new VEvent(item.at().atZone(PARIS).toInstant(), appointment ? APPOINTMENT : REMINDER,
                    appointment ? "Rendez-vous : " + item.title() : "Rappel : " + item.title());
            event.add(new Uid(item.itemId() + "@espace-sante"));
            item.address().ifPresent(a -> event.add(new Location(a)));
            if (item.status() == AgendaItem.Status.CANCELLED) {
                event.add(new Status(Status.VALUE_CANCELLED));
            }
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package fr.espacesante.domain.agenda;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * An entry of the health agenda: an appointment (with a professional or an establishment) or a
 * reminder, at a Paris date and time.
 *
 * @param title the professional's or establishment's name for an appointment, the reminder's title otherwise
 * @param remindDaysBefore days before {@code at} the reminder e-mail goes (same time of day); empty: no e-mail
 * @param remindAt when the reminder e-mail is due; empty once sent, or when there is none
 */
public record AgendaItem(String spaceKey, String itemId, Kind kind, String title, Optional<String> rpps,
                         Optional<String> finess, Optional<String> speciality, LocalDateTime at, Optional<String> address,
                         Status status, Optional<String> note, Optional<Integer> remindDaysBefore, Optional<Instant> remindAt,
                         Instant createdAt) {

    public enum Kind { APPOINTMENT, REMINDER }

    public enum Status { PLANNED, DONE, CANCELLED }
}

package fr.espacesante.domain.agenda;

import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.agenda.AgendaException.Reason;
import fr.espacesante.domain.agenda.port.out.AgendaBook;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.text.TypedText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The health agenda (« un agenda santé pour maîtriser ses rendez-vous médicaux »): appointments and
 * reminders entered by the patient, a parent for a child, or a caregiver, each read and write decided
 * by the access policy (resource {@code AGENDA}) and recorded. Each entry may ask for a reminder
 * e-mail some days before (the day before by default), sent by {@link AgendaReminders}.
 */
public final class HealthAgenda {

    public static final int MAX_REMINDERS_PER_DATE = 10;
    public static final int DEFAULT_DAYS_BEFORE = 1;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern RPPS = Pattern.compile("[0-9]{11}");
    private static final Pattern FINESS = Pattern.compile("[0-9]{2}[0-9AB][0-9]{6}");

    /** What is typed for an entry. */
    public record Entry(AgendaItem.Kind kind, String title, Optional<String> rpps, Optional<String> finess,
                        Optional<String> speciality, LocalDateTime at, Optional<String> address, AgendaItem.Status status,
                        Optional<String> note, Optional<Integer> remindDaysBefore) {
    }

    private final AgendaBook book;
    private final Spaces spaces;
    private final SpaceAccessGuard guard;
    private final Clock clock;

    public HealthAgenda(AgendaBook book, Spaces spaces, SpaceAccessGuard guard, Clock clock) {
        this.book = book;
        this.spaces = spaces;
        this.guard = guard;
        this.clock = clock;
    }

    public AgendaItem add(Actor actor, String spaceKey, Entry entry) {
        AgendaItem item = item(spaceKey, UUID.randomUUID().toString(), entry, clock.instant());
        allowed(actor, spaceKey, Action.ADD, "agenda");
        if (!book.add(item, MAX_REMINDERS_PER_DATE)) {
            throw new AgendaException(Reason.TOO_MANY_REMINDERS);
        }
        return item;
    }

    /** An appointment a connected service writes (the FHIR API), its call already decided and recorded. */
    public AgendaItem addFromService(String spaceKey, Entry entry) {
        AgendaItem item = item(spaceKey, UUID.randomUUID().toString(), entry, clock.instant());
        if (!book.add(item, MAX_REMINDERS_PER_DATE)) {
            throw new AgendaException(Reason.TOO_MANY_REMINDERS);
        }
        return item;
    }

    /** The entries from a day, for a connected service whose call was decided and recorded. */
    public AgendaBook.Page listForService(String spaceKey, LocalDate from, int limit, Optional<String> cursor) {
        return book.list(spaceKey, from, limit, cursor);
    }

    public Optional<AgendaItem> findForService(String spaceKey, String itemId) {
        return book.find(spaceKey, itemId);
    }

    public AgendaItem update(Actor actor, String spaceKey, String itemId, Entry entry) {
        AgendaItem current = book.find(spaceKey, itemId).orElseThrow(() -> new AgendaException(Reason.UNKNOWN));
        AgendaItem changed = item(spaceKey, itemId, entry, current.createdAt());
        boolean sameDay = changed.at().toLocalDate().equals(current.at().toLocalDate());
        allowed(actor, spaceKey, Action.WRITE, itemId);
        if (changed.kind() != current.kind() || changed.kind() == AgendaItem.Kind.REMINDER && !sameDay) {
            // A reminder moved to another date counts against that date: removed, then added again.
            book.delete(current);
            if (!book.add(changed, MAX_REMINDERS_PER_DATE)) {
                book.add(current, Integer.MAX_VALUE);
                throw new AgendaException(Reason.TOO_MANY_REMINDERS);
            }
            return changed;
        }
        book.update(changed);
        return changed;
    }

    public void delete(Actor actor, String spaceKey, String itemId) {
        AgendaItem current = book.find(spaceKey, itemId).orElseThrow(() -> new AgendaException(Reason.UNKNOWN));
        allowed(actor, spaceKey, Action.WRITE, itemId);
        book.delete(current);
    }

    public AgendaBook.Page list(Actor actor, String spaceKey, LocalDate from, int limit, Optional<String> cursor) {
        allowed(actor, spaceKey, Action.READ, "agenda");
        return book.list(spaceKey, from, limit, cursor);
    }

    /** Checks every field; the reminder e-mail is due {@code remindDaysBefore} days before (0: two hours before). */
    private AgendaItem item(String spaceKey, String itemId, Entry entry, Instant createdAt) {
        String title = TypedText.line(entry.title(), "titre", 200);
        entry.rpps().filter(r -> !RPPS.matcher(r).matches()).ifPresent(r -> {
            throw new AgendaException(Reason.INVALID_RPPS);
        });
        entry.finess().filter(f -> !FINESS.matcher(f).matches()).ifPresent(f -> {
            throw new AgendaException(Reason.INVALID_FINESS);
        });
        Optional<String> speciality = entry.speciality().map(v -> TypedText.line(v, "specialite", 100));
        Optional<String> address = entry.address().map(v -> TypedText.line(v, "adresse", 300));
        Optional<String> note = entry.note().map(v -> TypedText.paragraph(v, "note", 2_000));
        Optional<Integer> days = entry.remindDaysBefore();
        if (days.isPresent() && (days.get() < 0 || days.get() > 7)) {
            throw new AgendaException(Reason.INVALID_REMINDER_DELAY);
        }
        Instant at = entry.at().atZone(PARIS).toInstant();
        if (entry.status() == AgendaItem.Status.DONE && at.isAfter(clock.instant())) {
            throw new AgendaException(Reason.DONE_IN_THE_FUTURE);
        }
        Optional<Instant> remindAt = days.map(d -> d == 0 ? at.minus(Duration.ofHours(2)) : entry.at().minusDays(d).atZone(PARIS).toInstant())
                .filter(when -> when.isAfter(clock.instant()) && entry.status() == AgendaItem.Status.PLANNED);
        return new AgendaItem(spaceKey, itemId, entry.kind(), title, entry.rpps(), entry.finess(), speciality, entry.at(), address,
                entry.status(), note, days, remindAt, createdAt);
    }

    private void allowed(Actor actor, String spaceKey, Action action, String element) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(actor, space.access(), Resource.of(Resource.Kind.AGENDA), action,
                Optional.empty()), element);
    }
}

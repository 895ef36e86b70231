package fr.espacesante.domain.agenda;

import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.agenda.port.out.PreventionMarks;
import fr.espacesante.domain.person.Identity;
import fr.espacesante.domain.person.Sex;
import fr.espacesante.domain.space.RegisteredPerson;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.port.out.Spaces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prevention calendar (« calendrier prévisionnel »): what {@link PreventionRules} make due for
 * this person's age and sex, each occurrence with the window it falls in and the status the patient
 * set (to plan, done on a date, not concerned). Shown: what is due from a year ago to two years ahead,
 * and whatever already has a status.
 */
public final class PreventionCalendar {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public enum Status { TO_PLAN, DONE, NOT_CONCERNED }

    /** What the patient set for one occurrence. */
    public record Mark(Status status, Optional<LocalDate> doneOn, Instant setAt) {
    }

    /**
     * @param code the rule's code, followed by the year the window opens for a recurring rule ({@code grippe-2026})
     * @param until the day the window closes (excluded)
     * @param overdue the window has closed and nothing was set
     */
    public record Item(String code, PreventionRule rule, LocalDate from, LocalDate until, Status status,
                       Optional<LocalDate> doneOn, boolean overdue) {
    }

    private final PreventionMarks book;
    private final Spaces spaces;
    private final PersonDirectory persons;
    private final SpaceAccessGuard guard;
    private final Clock clock;

    public PreventionCalendar(PreventionMarks book, Spaces spaces, PersonDirectory persons, SpaceAccessGuard guard, Clock clock) {
        this.book = book;
        this.spaces = spaces;
        this.persons = persons;
        this.guard = guard;
        this.clock = clock;
    }

    public List<Item> calendar(Actor actor, String spaceKey) {
        allowed(actor, spaceKey, Action.READ, "agenda/prevention");
        Identity identity = identity(spaceKey);
        LocalDate today = today();
        Map<String, Mark> marks = book.preventionMarks(spaceKey);
        return occurrences(identity.birthDate(), identity.sex(), marks).stream()
                .filter(i -> marks.containsKey(i.code()) || !i.until().isBefore(today.minusYears(1)) && !i.from().isAfter(today.plusYears(2)))
                .map(i -> i.status() == Status.TO_PLAN && !i.until().isAfter(today)
                        ? new Item(i.code(), i.rule(), i.from(), i.until(), i.status(), i.doneOn(), true) : i)
                .toList();
    }

    /** Sets an occurrence's status: done (on a day, not in the future), not concerned, or back to plan. */
    public Item mark(Actor actor, String spaceKey, String code, Status status, Optional<LocalDate> doneOn) {
        Identity identity = identity(spaceKey);
        Item item = occurrences(identity.birthDate(), identity.sex(), Map.of()).stream().filter(i -> i.code().equals(code))
                .findFirst().orElseThrow(() -> new AgendaException(AgendaException.Reason.UNKNOWN_PREVENTION));
        if (status == Status.DONE) {
            LocalDate on = doneOn.orElseThrow(() -> new AgendaException(AgendaException.Reason.DONE_WITHOUT_DATE));
            if (on.isAfter(today()) || on.isBefore(identity.birthDate())) {
                throw new AgendaException(AgendaException.Reason.DONE_IN_THE_FUTURE);
            }
        } else if (doneOn.isPresent()) {
            throw new AgendaException(AgendaException.Reason.DATE_WITHOUT_DONE);
        }
        allowed(actor, spaceKey, Action.WRITE, "agenda/prevention/" + code);
        book.markPrevention(spaceKey, code, status == Status.TO_PLAN ? Optional.empty()
                : Optional.of(new Mark(status, doneOn, clock.instant())));
        return new Item(item.code(), item.rule(), item.from(), item.until(), status, doneOn, false);
    }

    /** Every occurrence of every rule for this birth date and sex (an unknown sex gets the rules of both), in date order. */
    static List<Item> occurrences(LocalDate birth, Optional<Sex> sex, Map<String, Mark> marks) {
        List<Item> items = new ArrayList<>();
        for (PreventionRule rule : PreventionRules.all()) {
            if (rule.sex().isPresent() && sex.isPresent() && !rule.sex().equals(sex)) {
                continue;
            }
            LocalDate end = birth.plus(rule.until());
            if (rule.every().isEmpty()) {
                items.add(item(rule.code(), rule, birth.plus(rule.from()), end, marks));
                continue;
            }
            Period every = rule.every().get();
            for (LocalDate from = birth.plus(rule.from()); from.isBefore(end); from = from.plus(every)) {
                LocalDate until = from.plus(every).isBefore(end) ? from.plus(every) : end;
                items.add(item(rule.code() + "-" + from.getYear(), rule, from, until, marks));
            }
        }
        items.sort(Comparator.comparing(Item::from).thenComparing(Item::code));
        return items;
    }

    private static Item item(String code, PreventionRule rule, LocalDate from, LocalDate until, Map<String, Mark> marks) {
        Mark mark = marks.get(code);
        return mark == null ? new Item(code, rule, from, until, Status.TO_PLAN, Optional.empty(), false)
                : new Item(code, rule, from, until, mark.status(), mark.doneOn(), false);
    }

    private Identity identity(String spaceKey) {
        return persons.find(spaceKey).map(RegisteredPerson::identity).orElseThrow(SpaceNotFoundException::new);
    }

    private LocalDate today() {
        return clock.instant().atZone(PARIS).toLocalDate();
    }

    private void allowed(Actor actor, String spaceKey, Action action, String element) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(actor, space.access(), Resource.of(Resource.Kind.AGENDA), action,
                Optional.empty()), element);
    }
}

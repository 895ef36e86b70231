package fr.espacesante.domain.campaign;

import fr.espacesante.domain.campaign.port.out.DueSpaces;
import fr.espacesante.domain.campaign.port.out.Waves;
import fr.espacesante.domain.space.Space;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;

/**
 * Automatic creation (PRODUCT.md, step 4): every space whose objection deadline has passed without
 * objection is created. The sweep reads only the index of persons due on each deadline day since its
 * checkpoint — its cost grows with the persons due, never with the population — catches up on days it
 * missed, and can run twice: a person already handled is no longer in the index, and creation is
 * conditional.
 */
public final class SpaceSweep {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PAGE = 100;

    public record SweepReport(LocalDate from, LocalDate through, int spacesCreated, int alreadyHandled) {
    }

    private final DueSpaces due;
    private final Waves waves;
    private final Clock clock;
    private final int objectionDays;

    public SpaceSweep(DueSpaces due, Waves waves, Clock clock, int objectionDays) {
        this.due = due;
        this.waves = waves;
        this.clock = clock;
        this.objectionDays = objectionDays;
    }

    public SweepReport sweep() {
        LocalDate today = clock.instant().atZone(PARIS).toLocalDate();
        // A deadline is the last day to object: the space is due the day after.
        LocalDate lastDue = today.minusDays(1);
        Optional<LocalDate> checkpoint = due.sweptThrough();
        LocalDate from = checkpoint.map(d -> d.plusDays(1)).orElseGet(this::firstPossibleDeadline);
        int created = 0;
        int handled = 0;
        LocalDate day = from;
        for (; !day.isAfter(lastDue); day = day.plusDays(1)) {
            for (int shard = 0; shard < Departments.SHARDS; shard++) {
                Optional<String> cursor = Optional.empty();
                do {
                    DueSpaces.Page page = due.due(day, shard, PAGE, cursor);
                    for (DueSpaces.DuePerson person : page.persons()) {
                        Space space = Space.created(person.personKey(), clock.instant(), Space.Creation.SWEEP, person.email());
                        if (due.createSpace(person, day, space)) {
                            created++;
                        } else {
                            handled++;
                        }
                    }
                    cursor = page.cursor();
                } while (cursor.isPresent());
            }
            due.recordSweptThrough(day);
        }
        return new SweepReport(from, lastDue, created, handled);
    }

    /** Without a checkpoint: the first deadline any wave could have set. */
    private LocalDate firstPossibleDeadline() {
        return waves.all().stream().map(Wave::startDate).min(Comparator.naturalOrder())
                .map(start -> start.plusDays(objectionDays))
                .orElse(clock.instant().atZone(PARIS).toLocalDate());
    }
}

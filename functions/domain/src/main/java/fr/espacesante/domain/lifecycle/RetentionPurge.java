package fr.espacesante.domain.lifecycle;

import fr.espacesante.domain.campaign.Departments;
import fr.espacesante.domain.lifecycle.port.out.PurgeSchedule;
import fr.espacesante.domain.lifecycle.port.out.SpaceErasure;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The scheduled purge (PRODUCT.md, step 6): every space whose purge day has come — 10 years after
 * its closure, or the day its owner asked for deletion — is erased, then removed, leaving only the
 * tombstone on the person's registry entry. It reads only the index of spaces due on each day since
 * its checkpoint, so its cost grows with the spaces due, never with the population; it catches up
 * on missed days; it runs hourly, so a deletion asked today is done within the day. It is safe to run
 * twice or after a crash: a space is claimed first (it can no longer be reopened), every erasure step
 * can run again, and it leaves the index only when removed.
 */
public final class RetentionPurge {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PAGE = 100;

    public record PurgeReport(LocalDate from, LocalDate through, int spacesPurged, int alreadyHandled) {
    }

    private final PurgeSchedule schedule;
    private final SpaceErasure erasure;
    private final Clock clock;

    public RetentionPurge(PurgeSchedule schedule, SpaceErasure erasure, Clock clock) {
        this.schedule = schedule;
        this.erasure = erasure;
        this.clock = clock;
    }

    public PurgeReport purge() {
        LocalDate today = clock.instant().atZone(PARIS).toLocalDate();
        // No checkpoint: no space was ever closed (closing sets one), nothing can be due before today.
        LocalDate from = schedule.purgedThrough().map(d -> d.plusDays(1)).orElse(today);
        int purged = 0;
        int handled = 0;
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            for (int shard = 0; shard < Departments.SHARDS; shard++) {
                Optional<String> cursor = Optional.empty();
                do {
                    PurgeSchedule.Page page = schedule.due(day, shard, PAGE, cursor);
                    for (String spaceKey : page.spaceKeys()) {
                        if (schedule.claim(spaceKey, day)) {
                            erasure.erase(spaceKey);
                            if (schedule.finish(spaceKey, day, clock.instant())) {
                                purged++;
                                continue;
                            }
                        }
                        handled++;
                    }
                    cursor = page.cursor();
                } while (cursor.isPresent());
            }
            // Today and yesterday stay open: a deletion asked later today is due today, and one asked just
            // before midnight may reach the (eventually consistent) index after the first run of the new day.
            if (day.isBefore(today.minusDays(1))) {
                schedule.recordPurgedThrough(day);
            }
        }
        return new PurgeReport(from, today, purged, handled);
    }
}

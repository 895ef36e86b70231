package fr.espacesante.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A notification wave: which départements, from when, at what rate.
 *
 * @param departments in ascending order; every département when the wave targets "all not yet notified"
 * @param allNotYetNotified true when planned as "all not yet notified" (departments then lists them all)
 * @param sentOn the day {@code sentThatDay} counts, for the daily rate
 */
public record Wave(String waveId, List<String> departments, boolean allNotYetNotified, LocalDate startDate,
                   Optional<LocalDate> endDate, int perDay, int perMinute, WaveStatus status, Instant createdAt,
                   String createdBy, WaveProgress progress, LocalDate sentOn, long sentThatDay) {

    public Wave {
        departments = List.copyOf(departments);
    }

    /** Sending today: active, started, not past its end date. */
    public boolean sendsOn(LocalDate day) {
        return status == WaveStatus.ACTIVE && !day.isBefore(startDate) && endDate.map(end -> !day.isAfter(end)).orElse(true);
    }

    /** How many more may be sent today under the daily rate. */
    public long remainingToday(LocalDate day) {
        long sent = day.equals(sentOn) ? sentThatDay : 0;
        return Math.max(0, perDay - sent);
    }
}

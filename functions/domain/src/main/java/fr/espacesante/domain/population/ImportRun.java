package fr.espacesante.domain.population;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;

/**
 * One execution of the population import over one file: in progress while its ranges are being
 * imported, finished once its report is written.
 *
 * @param finishedAt     null while in progress
 * @param reportLocation null while in progress
 */
public record ImportRun(String importId, RegistryFile file, Instant startedAt, Instant finishedAt,
                        ImportSummary summary, String reportLocation, Progress progress) {

    // A readable UTC time, not epoch milliseconds: a 13-digit number looks like a NIR to log scanners.
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    public static String newId(Instant startedAt) {
        return ID_TIME.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public boolean finished() {
        return reportLocation != null;
    }

    /**
     * The ranges of the run: each one is settled once, either done (imported and counted) or
     * abandoned (its message reached the dead-letter queue).
     */
    public record Progress(int total, Set<Integer> done, Set<Integer> abandoned) {

        public static Progress single() {
            return new Progress(1, Set.of(0), Set.of());
        }

        public boolean isSettled(int index) {
            return done.contains(index) || abandoned.contains(index);
        }

        public boolean allSettled() {
            return done.size() + abandoned.size() >= total;
        }
    }
}

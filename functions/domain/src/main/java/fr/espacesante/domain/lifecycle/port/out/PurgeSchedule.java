package fr.espacesante.domain.lifecycle.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The purge's index: closed spaces by purge day (sparse: a space leaves it when reopened or purged),
 * and the purge's checkpoint.
 */
public interface PurgeSchedule {

    record Page(List<String> spaceKeys, Optional<String> cursor) {
    }

    /** Spaces whose purge day is {@code day}, in one index shard, page by page. */
    Page due(LocalDate day, int shard, int limit, Optional<String> cursor);

    /**
     * Starts the purge of a space still due on {@code day}: from then on it cannot be reopened.
     * Claiming a space whose purge started and did not finish (a crashed run) succeeds again.
     *
     * @return false when it is not due that day anymore (reopened, or purged by another run)
     */
    boolean claim(String spaceKey, LocalDate day);

    /**
     * Removes the space itself and leaves the tombstone: the person's registry entry says that their
     * space was deleted, and when. Only a space claimed for that day.
     *
     * @return false when another run finished it first
     */
    boolean finish(String spaceKey, LocalDate day, Instant at);

    /** The last purge day fully handled. */
    Optional<LocalDate> purgedThrough();

    void recordPurgedThrough(LocalDate day);

    /** Sets the checkpoint to the day before {@code day} unless there is one: nothing can be due before. */
    void startNoLaterThan(LocalDate day);

    /** The read capacity the index queries consumed, for the purge benchmark (0 where not reported). */
    default double consumedReadUnits() {
        return 0;
    }
}

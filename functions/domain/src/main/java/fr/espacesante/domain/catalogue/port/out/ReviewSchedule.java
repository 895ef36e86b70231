package fr.espacesante.domain.catalogue.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When each space with connected services gets its next review e-mail: a sparse index by due day
 * and shard (the cost of a day's run grows with the spaces due, never with all of them).
 */
public interface ReviewSchedule {

    record DuePage(List<String> spaceKeys, Optional<String> cursor) {
    }

    DuePage due(LocalDate day, int shard, int limit, Optional<String> cursor);

    /** Moves a space's review from {@code due} to {@code next}, only if still due that day. @return false if another run did */
    boolean reschedule(String spaceKey, LocalDate due, LocalDate next);

    /** No service connected any more: no review, only if still due that day. */
    void stop(String spaceKey, LocalDate due);

    Optional<LocalDate> reviewedThrough();

    void recordReviewedThrough(LocalDate day);
}

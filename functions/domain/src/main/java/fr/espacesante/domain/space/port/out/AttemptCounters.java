package fr.espacesante.domain.space.port.out;

import java.time.Instant;

/** Failure counters in fixed time windows, shared by every instance of a function. */
public interface AttemptCounters {

    /** Failures counted under this key in the window starting at {@code windowStart}. */
    int failures(String key, Instant windowStart);

    /** Adds one failure; the counter disappears on its own after {@code expiresAt}. */
    void addFailure(String key, Instant windowStart, Instant expiresAt);
}

package fr.espacesante.domain.space;

import fr.espacesante.domain.space.port.out.AttemptCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Limits failed proofs (wrong code, identity not recognised): each key (a login, a client address,
 * a code) may fail {@code maxFailures} times in a window; once reached it is locked out until the
 * window ends, even for right answers, so guessing costs time whatever the attacker does.
 */
public final class AttemptGuard {

    /** One limit: keys starting with {@code prefix} may fail {@code maxFailures} times per {@code window}. */
    public record Limit(String prefix, int maxFailures, Duration window) {
    }

    private final AttemptCounters counters;
    private final Clock clock;
    private final List<Limit> limits;

    public AttemptGuard(AttemptCounters counters, Clock clock, List<Limit> limits) {
        this.counters = counters;
        this.clock = clock;
        this.limits = List.copyOf(limits);
    }

    /** @throws TooManyAttemptsException when any key is locked out */
    public void ensureAllowed(List<String> keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            Limit limit = limitOf(key);
            Instant start = windowStart(now, limit.window());
            if (counters.failures(key, start) >= limit.maxFailures()) {
                throw new TooManyAttemptsException(start.plus(limit.window()));
            }
        }
    }

    public void failed(List<String> keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            Limit limit = limitOf(key);
            Instant start = windowStart(now, limit.window());
            counters.addFailure(key, start, start.plus(limit.window()).plus(limit.window()));
        }
    }

    private Limit limitOf(String key) {
        return limits.stream().filter(l -> key.startsWith(l.prefix())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no attempt limit for this key kind"));
    }

    private static Instant windowStart(Instant now, Duration window) {
        long size = window.toSeconds();
        return Instant.ofEpochSecond(now.getEpochSecond() / size * size);
    }
}

package fr.espacesante.domain.space;

import java.time.Instant;

/** Too many failed attempts: locked out until {@code retryAfter}. */
public class TooManyAttemptsException extends RuntimeException {
    private final Instant retryAfter;

    public TooManyAttemptsException(Instant retryAfter) {
        super("locked out", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Instant retryAfter() {
        return retryAfter;
    }
}

package fr.espacesante.domain.space;

import fr.espacesante.domain.error.DomainException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Too many failed attempts: locked out until {@code retryAfter}. */
public class TooManyAttemptsException extends DomainException {
    private static final DateTimeFormatter FRENCH_TIME = DateTimeFormatter
            .ofPattern("d MMMM yyyy 'à' HH' h 'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final Instant retryAfter;

    public TooManyAttemptsException(Instant retryAfter) {
        super(Kind.TOO_MANY_ATTEMPTS, "TROP_DE_TENTATIVES",
                "Trop de tentatives infructueuses. Réessayez après " + FRENCH_TIME.format(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Instant retryAfter() {
        return retryAfter;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reessayerApres", retryAfter.toString());
    }
}

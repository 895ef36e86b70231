package fr.espacesante.domain.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One value of a series, in the type's UCUM unit.
 *
 * @param measurementId {@code <takenAt as yyyyMMdd'T'HHmmss'Z'>-<8 hex>}: sorts by time, and locates the value
 * @param diastolic the second value of a blood pressure; empty otherwise
 * @param source who entered it: « patient », or a connected service's name
 */
public record Measurement(String spaceKey, MeasurementType type, String measurementId, Instant takenAt, BigDecimal value,
                          Optional<BigDecimal> diastolic, Instant enteredAt, String source) {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public static String newId(Instant takenAt, String random8) {
        return ID_TIME.format(takenAt.truncatedTo(ChronoUnit.SECONDS)) + "-" + random8;
    }
}

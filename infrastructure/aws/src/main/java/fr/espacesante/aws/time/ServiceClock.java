package fr.espacesante.aws.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock every function is given: UTC system time plus an offset that is zero in production.
 *
 * <p>The local stack moves the offset forward to play weeks of a campaign in seconds (deadlines,
 * sweeps); functions only ever see a {@link Clock}, so none of them knows whether time was moved.
 */
public final class ServiceClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    private final ZoneId zone;

    private ServiceClock(ZoneId zone) {
        this.zone = zone;
    }

    public static Clock utc() {
        return new ServiceClock(ZoneOffset.UTC);
    }

    /** Moves every service clock of this JVM forward (local stack and tests only call this). */
    public static void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset = offset.plus(by);
    }

    public static Duration offset() {
        return offset;
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ServiceClock(zone);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}

package fr.espacesante.local;

import fr.espacesante.aws.time.ServiceClock;
import fr.espacesante.local.SamTemplate.FunctionDef;
import fr.espacesante.local.SamTemplate.Schedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs the template's {@code ScheduleV2} events on their expressions ({@code rate(...)},
 * {@code cron(...)}, {@code at(...)}, UTC), against the service clock, so that moving the clock
 * forward fires what falls due (once, as EventBridge Scheduler does after an outage).
 */
public final class LocalScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalScheduler.class);
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final Pattern AT = Pattern.compile("at\\((.+)\\)");

    /** One schedule of one function, and when it is next due. */
    public record Entry(String name, String functionId, Schedule schedule, Instant nextRun) {
    }

    private final FunctionHost host;
    private final Clock clock = ServiceClock.utc();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-scheduler");
        t.setDaemon(true);
        return t;
    });

    LocalScheduler(List<FunctionDef> functions, FunctionHost host, boolean automatic) {
        this.host = host;
        Instant now = clock.instant();
        for (FunctionDef function : functions) {
            for (Schedule schedule : function.schedules()) {
                if (schedule.enabled()) {
                    entries.put(schedule.name(), new Entry(schedule.name(), function.logicalId(), schedule,
                            next(schedule.expression(), now)));
                }
            }
        }
        if (automatic) {
            ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Runs a schedule now, whatever its expression says; returns the function's output. */
    public String trigger(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no schedule named " + name);
        }
        return host.invoke(entry.functionId(), entry.schedule().input());
    }

    /** Moves the service clock forward and runs what fell due. */
    public synchronized List<String> advance(Duration by) {
        ServiceClock.advance(by);
        return tick();
    }

    synchronized List<String> tick() {
        List<String> fired = new ArrayList<>();
        Instant now = clock.instant();
        for (Entry entry : List.copyOf(entries.values())) {
            if (entry.nextRun() != null && !entry.nextRun().isAfter(now)) {
                try {
                    host.invoke(entry.functionId(), entry.schedule().input());
                } catch (RuntimeException e) {
                    LOG.error("schedule {} failed: {}", entry.name(), e.getClass().getName());
                }
                fired.add(entry.name());
                entries.put(entry.name(), new Entry(entry.name(), entry.functionId(), entry.schedule(),
                        next(entry.schedule().expression(), now)));
            }
        }
        return fired;
    }

    /** The first time strictly after {@code after} that the expression names; null when never again. */
    static Instant next(String expression, Instant after) {
        Matcher rate = RATE.matcher(expression.trim());
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            ChronoUnit unit = switch (rate.group(2)) {
                case "minute", "minutes" -> ChronoUnit.MINUTES;
                case "hour", "hours" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            return after.plus(amount, unit);
        }
        Matcher cron = CRON.matcher(expression.trim());
        if (cron.matches()) {
            ZonedDateTime next = springCron(cron.group(1)).next(after.atZone(ZoneOffset.UTC));
            return next == null ? null : next.toInstant();
        }
        Matcher at = AT.matcher(expression.trim());
        if (at.matches()) {
            Instant when = java.time.LocalDateTime.parse(at.group(1)).toInstant(ZoneOffset.UTC);
            return when.isAfter(after) ? when : null;
        }
        throw new IllegalArgumentException("unsupported schedule expression: " + expression);
    }

    /**
     * EventBridge cron has six fields (minutes hours day-of-month month day-of-week year) and counts
     * days of the week 1 = Sunday; Spring's has seconds first and 0 = Sunday.
     */
    static CronExpression springCron(String aws) {
        String[] f = aws.trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("cron() needs 6 fields: " + aws);
        }
        String dayOfWeek = Pattern.compile("\\d").matcher(f[4])
                .replaceAll(d -> String.valueOf(Integer.parseInt(d.group()) - 1));
        return CronExpression.parse(String.join(" ", "0", f[0], f[1], f[2], f[3], dayOfWeek));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}

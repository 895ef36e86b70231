package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.TickFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduler fires ScheduleV2 events through the function's Lambda entry point, on the service clock. */
class LocalSchedulerIT {

    @Test
    void schedules_fire_on_demand_and_when_the_clock_moves_past_them() throws Exception {
        LocalStackSupport.shared(); // SDK settings and logging as in the stack
        SamTemplate template = SamTemplate.load(
                Path.of(getClass().getResource("/scheduler-template.yaml").toURI()), Map.of());
        var functions = template.functions();
        try (LocalScheduler scheduler = new LocalScheduler(functions, new FunctionHost(functions), false)) {
            TickFunction.RECEIVED.clear();
            assertThat(scheduler.entries()).extracting(LocalScheduler.Entry::name)
                    .containsExactlyInAnyOrder("MorningSweep", "HourlySend");

            scheduler.trigger("MorningSweep");
            assertThat(TickFunction.RECEIVED).containsExactly("sweep");

            assertThat(scheduler.advance(Duration.ofMinutes(61))).containsExactly("HourlySend");
            assertThat(TickFunction.RECEIVED).containsExactly("sweep", "send");

            // A day later each schedule runs once, not once per missed slot.
            assertThat(scheduler.advance(Duration.ofDays(1))).containsExactlyInAnyOrder("MorningSweep", "HourlySend");
            assertThat(TickFunction.RECEIVED).hasSize(4);
            assertThatThrownBy(() -> scheduler.trigger("Paused")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void eventbridge_cron_counts_days_from_sunday_as_one() {
        // Weekdays 08:00 UTC; 2026-11-21 is a Saturday.
        Instant next = LocalScheduler.next("cron(0 8 ? * 2-6 *)", Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(next).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(LocalScheduler.next("cron(30 6 ? * 1 *)", Instant.parse("2026-11-21T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-22T06:30:00Z"));
        assertThat(LocalScheduler.next("rate(5 minutes)", Instant.parse("2026-11-21T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-21T09:05:00Z"));
        assertThat(LocalScheduler.next("at(2026-12-01T00:00:00)", Instant.parse("2026-12-02T00:00:00Z"))).isNull();
    }
}

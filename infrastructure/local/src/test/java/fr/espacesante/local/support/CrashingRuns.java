package fr.espacesante.local.support;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.support.CrashPoints.SimulatedCrash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Rounds of runs started together, each possibly killed by a {@link SimulatedCrash}, until the work is
 * done: what the exactly-once tests play. Between rounds, {@code afterRound} moves time past the lease,
 * once every run of the round is over (finished or dead).
 */
public final class CrashingRuns {

    private CrashingRuns() {
    }

    /**
     * @param run one run, given its id ("run-round-index")
     * @return the number of rounds played
     */
    public static int untilDone(int concurrent, int maxRounds, BooleanSupplier done, Consumer<String> run, Runnable afterRound)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrent);
        int rounds = 0;
        try {
            while (!done.getAsBoolean()) {
                rounds++;
                assertThat(rounds).as("the work gets done").isLessThan(maxRounds);
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < concurrent; i++) {
                    String runId = "run-" + rounds + "-" + i;
                    runs.add(pool.submit(() -> {
                        try {
                            run.accept(runId);
                        } catch (SimulatedCrash killed) {
                            // The run dies here; what it owned waits for its lease to expire.
                        }
                    }));
                }
                for (Future<?> future : runs) {
                    future.get();
                }
                afterRound.run();
            }
        } finally {
            pool.shutdownNow();
        }
        return rounds;
    }
}

package fr.espacesante.local.support;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crashes at the given steps with the given probability; counts them by step. A manifest is read
 * a few dozen times in a whole campaign (against thousands of claims), so that step gets a higher
 * probability: at the common one it was hit 0 to 2 times a run, and sometimes never.
 */
public final class RandomCrashes implements CrashPoints {
    public final Map<Step, AtomicInteger> crashes = new EnumMap<>(Step.class);
    private final Set<Step> steps;
    private final double probability;
    private final Random random;

    public RandomCrashes(Set<Step> steps, double probability, long seed) {
        this.steps = steps;
        this.probability = probability;
        this.random = new Random(seed);
        for (Step step : Step.values()) {
            crashes.put(step, new AtomicInteger());
        }
    }

    @Override
    public void reached(Step step) {
        boolean crash;
        synchronized (random) {
            crash = steps.contains(step)
                    && random.nextDouble() < (step == Step.BEFORE_MANIFEST ? Math.max(probability, 0.2) : probability);
        }
        if (crash) {
            crashes.get(step).incrementAndGet();
            throw new SimulatedCrash(step);
        }
    }

public int total() {
        return crashes.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}

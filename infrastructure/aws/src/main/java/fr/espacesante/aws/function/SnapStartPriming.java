package fr.espacesante.aws.function;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart: Lambda snapshots a function's memory once its initialisation is done, and starts later
 * execution environments from that snapshot. Before the snapshot ({@link #beforeCheckpoint}) this
 * runs the function's priming: a request refused by the function itself (JSON read and written,
 * routing, caller resolution, error mapping), a decision of the access policy, the SDK clients built
 * by the wiring — so that the classes a first request needs are loaded and compiled in the snapshot.
 *
 * <p>The priming calls no AWS service: a connection open in the snapshot would be dead, and shared by
 * every environment restored from it. After a restore ({@link #afterRestore}) nothing holds a
 * connection to re-create; the random sources are {@link java.security.SecureRandom} (NativePRNG,
 * which reads the kernel's pool on every call, so restored environments do not share a sequence).
 * Lambda calls the hooks only when SnapStart is on; without it they never run.
 */
public final class SnapStartPriming implements Resource {

    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String function;
    private final Runnable priming;
    private final AtomicInteger primed = new AtomicInteger();
    private final AtomicInteger restored = new AtomicInteger();

    private SnapStartPriming(String function, Runnable priming) {
        this.function = function;
        this.priming = priming;
    }

    /** Registers the function's priming with the runtime (the global context keeps only weak references: so do we, strongly). */
    public static SnapStartPriming register(String function, Runnable priming) {
        SnapStartPriming resource = new SnapStartPriming(function, priming);
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
        return resource;
    }

    /** Every priming registered in this JVM (tests run the hooks as Lambda would). */
    public static List<SnapStartPriming> registered() {
        return List.copyOf(REGISTERED);
    }

    public String function() {
        return function;
    }

    public int timesPrimed() {
        return primed.get();
    }

    public int timesRestored() {
        return restored.get();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        priming.run();
        primed.incrementAndGet();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        restored.incrementAndGet();
    }
}

package dev.queuectl.daemon.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's long-lived loops and whether they are well: each loop registers here and reports
 * its turns ({@link Loop}); {@code status} lists them. The first failure a loop cannot carry on
 * from completes {@link #fatalFailure()}: the daemon then stops itself and {@code main} exits
 * non-zero, so that its supervisor (systemd) restarts it, instead of serving while stalled.
 * Thread-safe.
 */
public final class Health {
    private static final Logger log = LoggerFactory.getLogger(Health.class);

    private final Clock clock;
    private final TurnObserver observer;
    private final List<Loop> listed = new CopyOnWriteArrayList<>();
    private final CompletableFuture<FatalFailure> fatal = new CompletableFuture<>();

    public Health(Clock clock, TurnObserver observer) {
        this.clock = clock;
        this.observer = observer;
    }

    /** A loop shown by {@code status}, one turn at a time; {@code alive} says whether it will take its next turn. */
    public Loop loop(String name, BooleanSupplier alive) {
        Loop l = new Loop(this, name, alive, false);
        listed.add(l);
        return l;
    }

    /** A loop shown by {@code status} whose turns overlap (the workers' run chains). */
    public Loop concurrentLoop(String name, BooleanSupplier alive) {
        Loop l = new Loop(this, name, alive, true);
        listed.add(l);
        return l;
    }

    /** Guarded work that is not a standing loop (recovery, drain, timer tasks): not listed by {@code status}. */
    public Loop task(String name) {
        return new Loop(this, name, () -> true, true);
    }

    /** The listed loops: the dispatcher, the store writer, the workers, the output guard, retention, then any other. */
    public List<LoopStatus> loops() {
        List<LoopStatus> out = new ArrayList<>(listed.size());
        for (Loop l : listed) {
            out.add(l.status());
        }
        out.sort(Comparator.comparingInt(l -> {
            int rank = Loop.LISTED.indexOf(l.name());
            return rank < 0 ? Integer.MAX_VALUE : rank;
        }));
        return out;
    }

    /** Completes, never exceptionally, with the first failure a loop could not carry on from. */
    public CompletableFuture<FatalFailure> fatalFailure() {
        return fatal;
    }

    void fatal(String loop, String jobId, Throwable cause) {
        FatalFailure f = new FatalFailure(loop, jobId, now(), cause);
        if (fatal.isDone()) {
            log.error("after the fatal failure, also: {}", f.describe(), cause);
            return;
        }
        log.error("queuectld cannot carry on: {}; stopping so that its supervisor restarts it", f.describe(), cause);
        fatal.complete(f);
    }

    Instant now() {
        return clock.instant();
    }

    TurnObserver observer() {
        return observer;
    }
}

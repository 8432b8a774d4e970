package dev.queuectl.daemon.health;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived loop of the daemon as its own code reports it: every turn starts with
 * {@link #begin} and ends with {@link #end} or {@link #failed}. An exception is logged at ERROR
 * (naming the job when the turn is about one), counted, and the loop carries on; an
 * {@link Error} is a failure nobody can carry on from, reported to {@link Health} as fatal, and
 * the loop stops. Thread-safe: the workers' loop has turns on several threads at once.
 */
public final class Loop {
    public static final String DISPATCHER = "dispatcher";
    public static final String STORE_WRITER = "store-writer";
    public static final String WORKERS = "workers";
    public static final String OUTPUT_GUARD = "output-guard";
    public static final String RETENTION = "retention";
    public static final String RECOVERY = "recovery";
    public static final String DRAIN = "drain";
    public static final String TIMERS = "timers";
    /** The standing loops {@code status} lists, in the order it lists them. */
    static final List<String> LISTED = List.of(DISPATCHER, STORE_WRITER, WORKERS, OUTPUT_GUARD, RETENTION);

    private static final Logger log = LoggerFactory.getLogger(Loop.class);

    private final Health health;
    private final String name;
    private final BooleanSupplier alive;
    /** Whether turns overlap (worker chains): then no single turn is "the" busy one. */
    private final boolean concurrent;
    private final AtomicLong errors = new AtomicLong();
    private volatile Instant lastTurn;
    private volatile Instant busySince;
    private volatile String lastError;

    Loop(Health health, String name, BooleanSupplier alive, boolean concurrent) {
        this.health = health;
        this.name = name;
        this.alive = alive;
        this.concurrent = concurrent;
    }

    public String name() {
        return name;
    }

    /** A turn begins; the {@link TurnObserver} hears it here, and what it throws is the turn's failure. */
    public void begin(String jobId) {
        if (!concurrent) {
            busySince = health.now();
        }
        health.observer().turnStarting(name, jobId);
    }

    /** The turn ended as it should. */
    public void end() {
        lastTurn = health.now();
        busySince = null;
    }

    /**
     * The turn failed unexpectedly. Returns true when the loop should carry on (the failure was
     * an exception, now logged at ERROR and counted); false when it was an {@link Error}, which
     * is reported to {@link Health} as fatal: the loop should stop.
     */
    public boolean failed(String jobId, Throwable failure) {
        lastTurn = health.now();
        busySince = null;
        if (failure instanceof Error) {
            health.fatal(name, jobId, failure);
            return false;
        }
        errors.incrementAndGet();
        lastError = oneLine(failure);
        if (jobId == null) {
            log.error("{} loop: unexpected failure ({}); carrying on", name, failure.toString(), failure);
        } else {
            log.atError().addKeyValue("job", jobId).setCause(failure)
                    .log("{} loop: unexpected failure on job {} ({}); carrying on", name, jobId, failure.toString());
        }
        return true;
    }

    /** The loop's thread ended on an exception nothing caught: fatal, whatever it was. */
    public void died(Throwable failure) {
        health.fatal(name, null, failure);
    }

    /** Runs {@code body} as one guarded turn; returns false when it failed fatally. */
    public boolean turn(String jobId, Runnable body) {
        try {
            begin(jobId);
            body.run();
            end();
            return true;
        } catch (RuntimeException | Error e) {
            return failed(jobId, e);
        }
    }

    LoopStatus status() {
        return new LoopStatus(name, alive.getAsBoolean(), lastTurn, busySince, errors.get(), lastError);
    }

    private static String oneLine(Throwable t) {
        String s = t.toString().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 199) + "…" : s;
    }
}

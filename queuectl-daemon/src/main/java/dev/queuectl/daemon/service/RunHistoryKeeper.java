package dev.queuectl.daemon.service;

import dev.queuectl.daemon.job.MinuteStats;
import dev.queuectl.daemon.metrics.RunHistory;
import dev.queuectl.daemon.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link RunHistory} in the store, so a restart does not blank the charts: restores the
 * last day's minutes at start-up, saves changed minutes every {@value #SAVE_SECONDS} s and once
 * more when the daemon stops, and lets the store drop minutes older than {@link #KEEP}. A save
 * that fails is logged and tried again with the next one (a crash loses at most that much).
 * Thread-safe.
 */
public final class RunHistoryKeeper {
    private static final Logger log = LoggerFactory.getLogger(RunHistoryKeeper.class);
    static final long SAVE_SECONDS = 30;
    /** How far back minutes are kept: the day the charts show, and a little more. */
    static final Duration KEEP = Duration.ofHours(25);

    private final RunHistory history;
    private final JobStore store;
    private final Clock clock;
    private final String node;
    private ScheduledFuture<?> task;

    public RunHistoryKeeper(RunHistory history, JobStore store, Clock clock, String node) {
        this.history = history;
        this.store = store;
        this.clock = clock;
        this.node = node;
    }

    /** Puts the kept minutes back into the history; blocks (start-up only). */
    public void restore() {
        List<MinuteStats> kept = store.runStats(node, clock.instant().minus(Duration.ofDays(1))).join();
        history.restore(kept);
        log.debug("restored {} minutes of run statistics", kept.size());
    }

    /** Saves changed minutes from now on, on {@code timer}. */
    public synchronized void schedule(ScheduledExecutorService timer) {
        task = timer.scheduleWithFixedDelay(this::saveQuietly, SAVE_SECONDS, SAVE_SECONDS, TimeUnit.SECONDS);
    }

    /** Saves the minutes changed since the last save. */
    public CompletableFuture<Void> save() {
        List<MinuteStats> changed = history.takeChanged();
        return store.saveRunStats(node, changed, clock.instant().minus(KEEP)).whenComplete((v, e) -> {
            if (e != null) {
                history.changedAgain(changed);
            }
        });
    }

    private void saveQuietly() {
        try {
            save().exceptionally(e -> {
                log.warn("could not keep run statistics in the store (the next save tries again): {}",
                        Errors.unwrap(e).toString());
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("could not keep run statistics in the store: {}", e.toString());
        }
    }

    /** Stops the periodic saves and saves once more; waits a few seconds at most. */
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
        try {
            save().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("could not keep the last run statistics in the store: {}", Errors.unwrap(e).toString());
        }
    }
}

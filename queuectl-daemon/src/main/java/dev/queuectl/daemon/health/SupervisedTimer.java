package dev.queuectl.daemon.health;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The daemon's timer thread. A plain {@link ScheduledThreadPoolExecutor} keeps what a task
 * throws inside the task's future, where nobody looks: a failed time limit or kill would go
 * unnoticed. Here every failure is reported to the {@link Loop#TIMERS} loop (logged at ERROR, an
 * {@link Error} fatal). A periodic task that throws is not run again, so periodic loops guard
 * their own turns; this is the net below them. Thread-safe.
 */
public final class SupervisedTimer extends ScheduledThreadPoolExecutor {
    private final Loop timers;

    public SupervisedTimer(Health health) {
        super(1, r -> {
            Thread t = new Thread(r, "queuectl-timer");
            t.setDaemon(true);
            return t;
        });
        this.timers = health.task(Loop.TIMERS);
        setRemoveOnCancelPolicy(true);
    }

    @Override
    protected void afterExecute(Runnable r, Throwable t) {
        super.afterExecute(r, t);
        Throwable failure = t;
        if (failure == null && r instanceof Future<?> && ((Future<?>) r).isDone()) {
            try {
                ((Future<?>) r).get();
            } catch (CancellationException e) {
                return;
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            timers.failed(null, failure);
        }
    }
}

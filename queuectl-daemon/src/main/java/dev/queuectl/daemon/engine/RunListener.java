package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.store.ClaimedRun;
import dev.queuectl.daemon.store.RunEnd;
import java.time.Duration;

/**
 * Hears about runs as they happen (for metrics, logs, waiters). Called from worker threads;
 * implementations must be quick and must not throw.
 */
public interface RunListener {
    /** The run's process started, {@code queueWait} after the job became due. */
    default void runStarted(ClaimedRun run, Duration queueWait) {
    }

    /** The run's end was committed. */
    default void runEnded(RunEnd end, Duration ranFor) {
    }

    /** A job that was not running was cancelled (it is dead now). */
    default void jobCancelled(String id) {
    }

    RunListener NONE = new RunListener() {
    };

    /** One listener that tells all of these, in order. */
    static RunListener all(RunListener... listeners) {
        java.util.List<RunListener> list = java.util.List.of(listeners);
        return new RunListener() {
            @Override
            public void runStarted(ClaimedRun run, Duration queueWait) {
                list.forEach(l -> l.runStarted(run, queueWait));
            }

            @Override
            public void runEnded(RunEnd end, Duration ranFor) {
                list.forEach(l -> l.runEnded(end, ranFor));
            }

            @Override
            public void jobCancelled(String id) {
                list.forEach(l -> l.jobCancelled(id));
            }
        };
    }
}

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

    RunListener NONE = new RunListener() {
    };
}

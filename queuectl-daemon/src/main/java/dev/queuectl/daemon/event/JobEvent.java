package dev.queuectl.daemon.event;

import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.RunEnd;
import java.time.Duration;

/**
 * Something that happened to the queue, published on the {@link EventBus} after the store
 * committed it. Events carry no job output and no environment.
 */
public sealed interface JobEvent {

    /** {@code count} jobs were enqueued. */
    record Enqueued(int count) implements JobEvent {
    }

    /** A job moved to {@code state} (null: it was deleted). */
    record StateChanged(String id, JobState state) implements JobEvent {
    }

    /** {@code count} jobs whose ids are not listed moved to {@code state} at once (a bulk operation). */
    record BulkChanged(JobState state, int count) implements JobEvent {
    }

    /**
     * Jobs changed in place, their state unchanged: edited, held or released. What they wait for
     * may have changed (a release, an earlier run_at), so the dispatcher looks again.
     */
    record Modified(java.util.List<String> ids) implements JobEvent {
    }

    /** A node of this daemon claimed a run; it is registered with the engine from now on. */
    record RunClaimed(ClaimedRun run) implements JobEvent {
    }

    /** A run's process started, {@code queueWait} after its job became due. */
    record RunStarted(ClaimedRun run, Duration queueWait) implements JobEvent {
    }

    /** A run's end was committed (its job's new state follows as a {@link StateChanged}). */
    record RunFinished(RunEnd end, Duration ranFor) implements JobEvent {
    }

    /** A queue was paused, resumed or changed: what the claim may take changed, so the dispatcher looks again. */
    record QueuesChanged() implements JobEvent {
    }

    /** A schedule was added, removed, paused or resumed: the dispatcher reads the next fire time again. */
    record SchedulesChanged() implements JobEvent {
    }

    /**
     * Another daemon sharing the store says job {@code id} reached a final state or was deleted;
     * {@code null}: some jobs may have (a poll, or too many to name). Waiters look again.
     */
    record ChangedElsewhere(String id) implements JobEvent {
    }

    /** The runtime settings changed. */
    record ConfigChanged() implements JobEvent {
    }
}

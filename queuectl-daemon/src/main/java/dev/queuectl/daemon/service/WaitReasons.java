package dev.queuectl.daemon.service;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.WaitReason;
import dev.queuectl.protocol.result.WhyWaiting;

/**
 * Why a pending or failed job is not running, in the order the claim would meet the obstacles:
 * held, not due yet, then the pool (shutting down, stopped, every worker busy). New obstacles
 * (a paused or full queue, dependencies) slot into this order. Pure and thread-safe.
 */
public final class WaitReasons {
    private WaitReasons() {
    }

    /** Null for a job that is not waiting (processing, completed, dead). */
    public static WhyWaiting of(Job job, PoolState pool) {
        if (job.state() != JobState.PENDING && job.state() != JobState.FAILED) {
            return null;
        }
        if (job.held()) {
            return why(WaitReason.HELD, null, "held: it runs once released (queuectl release " + job.id() + ")");
        }
        if (job.runAt() != null && job.runAt().isAfter(pool.now())) {
            String what = job.state() == JobState.FAILED ? "its retry is due at " : "not due until ";
            return why(WaitReason.NOT_DUE, job.runAt(), what + Timestamps.format(job.runAt()));
        }
        if (pool.draining()) {
            return why(WaitReason.SHUTTING_DOWN, null, "queuectld is shutting down and starts no more jobs");
        }
        if (pool.stopped()) {
            return why(WaitReason.WORKERS_STOPPED, null, "the workers are stopped (queuectl worker start)");
        }
        return why(WaitReason.NO_FREE_WORKER, null, pool.busy() >= pool.workers()
                ? "waiting for a free worker (" + pool.busy() + " of " + pool.workers() + " busy)"
                : "due; a free worker takes it next");
    }

    private static WhyWaiting why(WaitReason reason, java.time.Instant until, String message) {
        return new WhyWaiting(reason.wireName(), until, message);
    }
}

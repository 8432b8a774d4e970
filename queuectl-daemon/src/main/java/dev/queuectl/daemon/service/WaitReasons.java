package dev.queuectl.daemon.service;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.Queue;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.WaitReason;
import dev.queuectl.protocol.result.WhyWaiting;

/**
 * Why a pending or failed job is not running, in the order the claim would meet the obstacles:
 * held, waiting for dependencies, not due yet, the pool shutting down or stopped, its queue paused
 * or full, then every worker busy. Pure and thread-safe.
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
        if (job.depsLeft() > 0) {
            return new WhyWaiting(WaitReason.DEPENDENCIES.wireName(), null, "waiting for " + job.depsLeft()
                    + (job.depsLeft() == 1 ? " job" : " jobs") + " it depends on to complete (queuectl show "
                    + job.id() + " lists them)", job.depsLeft());
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
        Queue queue = pool.queues().get(job.queue());
        if (queue != null && queue.paused()) {
            return why(WaitReason.QUEUE_PAUSED, null, "queue paused: " + job.queue()
                    + " takes no jobs until resumed (queuectl queue resume " + job.queue() + ")");
        }
        if (queue != null && queue.full()) {
            return why(WaitReason.QUEUE_FULL, null, "queue full: " + queue.concurrency() + " of queue " + job.queue()
                    + "'s jobs run, its concurrency");
        }
        return why(WaitReason.NO_FREE_WORKER, null, pool.busy() >= pool.workers()
                ? "waiting for a free worker (" + pool.busy() + " of " + pool.workers() + " busy)"
                : "due; a free worker takes it next");
    }

    private static WhyWaiting why(WaitReason reason, java.time.Instant until, String message) {
        return new WhyWaiting(reason.wireName(), until, message);
    }
}

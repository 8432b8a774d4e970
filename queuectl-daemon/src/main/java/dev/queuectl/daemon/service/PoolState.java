package dev.queuectl.daemon.service;

import dev.queuectl.daemon.config.RuntimeConfig;
import java.time.Instant;

/**
 * The worker pool as a request sees it, taken once per request: what decides why a due job is
 * not running yet.
 *
 * @param now      the request's time
 * @param workers  the pool size
 * @param busy     runs in progress on this node
 * @param stopped  the pool takes no jobs (worker stop)
 * @param draining the daemon is shutting down
 */
public record PoolState(Instant now, int workers, int busy, boolean stopped, boolean draining) {
    public static PoolState of(ServiceContext ctx) {
        RuntimeConfig config = ctx.settings().current();
        return new PoolState(ctx.clock().instant(), config.workers(), ctx.engine().busy(),
                config.workersStopped(), ctx.engine().draining());
    }
}

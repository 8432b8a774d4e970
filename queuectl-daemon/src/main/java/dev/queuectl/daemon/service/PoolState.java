package dev.queuectl.daemon.service;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.job.Queue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The worker pool and the queues as a request sees them, taken once per request: what decides why
 * a due job is not running yet.
 *
 * @param now      the request's time
 * @param workers  the pool size
 * @param busy     runs in progress on this node
 * @param stopped  the pool takes no jobs (worker stop)
 * @param draining the daemon is shutting down
 * @param queues   the queues by name, as read for this request (empty: not read, so no job is said
 *                 to wait for its queue)
 */
public record PoolState(Instant now, int workers, int busy, boolean stopped, boolean draining,
                        Map<String, Queue> queues) {
    public PoolState {
        queues = Map.copyOf(queues);
    }

    /** The pool without the queues: for answers that must not pay a read (enqueue). */
    public static PoolState of(ServiceContext ctx) {
        return of(ctx, List.of());
    }

    /** The pool and the queues, read now. */
    public static CompletableFuture<PoolState> load(ServiceContext ctx) {
        return ctx.store().queues(false).thenApply(queues -> of(ctx, queues));
    }

    private static PoolState of(ServiceContext ctx, List<Queue> queues) {
        RuntimeConfig config = ctx.settings().current();
        Map<String, Queue> byName = new HashMap<>();
        for (Queue q : queues) {
            byName.put(q.name(), q);
        }
        return new PoolState(ctx.clock().instant(), config.workers(), ctx.engine().busy(),
                config.workersStopped(), ctx.engine().draining(), byName);
    }
}

package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.PruneRequest;
import dev.queuectl.protocol.result.CountResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code prune}: deletes finished jobs by hand, {@code completed} and/or {@code dead} ones older
 * than {@code older_than}, or than their configured retention when it is absent.
 */
public final class PruneHandler implements OpHandler<PruneRequest> {
    private final ServiceContext ctx;

    public PruneHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<CountResult> handle(PruneRequest request) {
        RuntimeConfig c = ctx.settings().current();
        Duration olderThan = request.olderThan();
        Duration keepCompleted = olderThan != null ? olderThan : c.keepCompleted();
        Duration keepDead = olderThan != null ? olderThan : c.keepDead();
        boolean completed = request.completed();
        boolean dead = request.dead();
        if (dead && keepDead == null && !completed) {
            throw ProtocolException.invalid("dead jobs are kept until purged (keep_dead is none); say how old with"
                    + " --older-than, or use queuectl dlq purge");
        }
        return ctx.retention().sweep(completed ? keepCompleted : null, dead ? keepDead : null)
                .thenApply(CountResult::new);
    }
}

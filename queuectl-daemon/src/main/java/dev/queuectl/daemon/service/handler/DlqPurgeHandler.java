package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.Errors;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.DlqPurgeRequest;
import dev.queuectl.protocol.result.CountResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code dlq_purge}: dead jobs deleted with their history and output. */
public final class DlqPurgeHandler implements OpHandler<DlqPurgeRequest> {
    private final ServiceContext ctx;

    public DlqPurgeHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<CountResult> handle(DlqPurgeRequest request) {
        if (request.all()) {
            return ctx.store().purgeAllDead().thenApply(jobs -> {
                ctx.retention().deleted(jobs);
                return new CountResult(jobs.size());
            });
        }
        String id = request.id();
        return ctx.store().purge(id).handle((job, error) -> {
            if (error != null) {
                throw Errors.toProtocol(error, e -> "job '" + id + "' is " + e.current().key()
                        + ", not dead; only jobs in the dead-letter queue can be purged");
            }
            ctx.retention().deleted(List.of(job));
            return new CountResult(1);
        });
    }
}

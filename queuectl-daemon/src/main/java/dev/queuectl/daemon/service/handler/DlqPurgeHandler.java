package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.BulkActions;
import dev.queuectl.daemon.service.Errors;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.DlqPurgeRequest;
import dev.queuectl.protocol.result.CountResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@code dlq_purge}: dead jobs deleted with their history and output. */
public final class DlqPurgeHandler implements OpHandler<DlqPurgeRequest> {
    private final ServiceContext ctx;
    private final BulkActions bulk;

    public DlqPurgeHandler(ServiceContext ctx) {
        this.ctx = ctx;
        this.bulk = new BulkActions(ctx);
    }

    @Override
    public CompletableFuture<?> handle(DlqPurgeRequest request) {
        if (!request.target().single()) {
            var selector = BulkActions.selector(request.target(), Set.of(JobState.DEAD));
            return request.target().dryRun() ? bulk.preview(JobAction.PURGE, selector)
                    : bulk.apply(JobAction.PURGE, selector);
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

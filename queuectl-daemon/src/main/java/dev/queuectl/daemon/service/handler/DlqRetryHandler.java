package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.DlqRetryRequest;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@code dlq_retry}: dead jobs back to pending, attempts reset, history kept. */
public final class DlqRetryHandler implements OpHandler<DlqRetryRequest> {
    private final JobActions actions;

    public DlqRetryHandler(ServiceContext ctx) {
        this.actions = new JobActions(ctx);
    }

    @Override
    public CompletableFuture<?> handle(DlqRetryRequest request) {
        return actions.run(JobAction.RETRY, request.target(), Set.of(JobState.DEAD), e -> "job '" + e.id() + "' is "
                + e.current().key() + ", not dead; only jobs in the dead-letter queue can be retried");
    }
}

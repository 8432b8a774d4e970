package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.HoldRequest;
import java.util.concurrent.CompletableFuture;

/** {@code hold}: pending or failed jobs stay as they are but are not claimed until released. */
public final class HoldHandler implements OpHandler<HoldRequest> {
    private final JobActions actions;

    public HoldHandler(ServiceContext ctx) {
        this.actions = new JobActions(ctx);
    }

    @Override
    public CompletableFuture<?> handle(HoldRequest request) {
        return actions.run(JobAction.HOLD, request.target(), null, e -> JobAction.HOLD.from().contains(e.current())
                ? "job '" + e.id() + "' is already held"
                : JobActions.onlyFrom(e, "pending and failed", "held"));
    }
}

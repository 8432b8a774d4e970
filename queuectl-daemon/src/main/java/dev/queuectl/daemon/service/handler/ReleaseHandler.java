package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.ReleaseRequest;
import java.util.concurrent.CompletableFuture;

/** {@code release}: held jobs are claimed again once due. */
public final class ReleaseHandler implements OpHandler<ReleaseRequest> {
    private final JobActions actions;

    public ReleaseHandler(ServiceContext ctx) {
        this.actions = new JobActions(ctx);
    }

    @Override
    public CompletableFuture<?> handle(ReleaseRequest request) {
        return actions.run(JobAction.RELEASE, request.target(), null,
                e -> JobAction.RELEASE.from().contains(e.current()) ? "job '" + e.id() + "' is not held"
                        : JobActions.onlyFrom(e, "held pending and failed", "released"));
    }
}

package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.RerunRequest;
import java.util.concurrent.CompletableFuture;

/** {@code rerun}: completed or dead jobs back to pending, attempts reset, history kept. */
public final class RerunHandler implements OpHandler<RerunRequest> {
    private final JobActions actions;

    public RerunHandler(ServiceContext ctx) {
        this.actions = new JobActions(ctx);
    }

    @Override
    public CompletableFuture<?> handle(RerunRequest request) {
        return actions.run(JobAction.RERUN, request.target(), null, e -> JobActions.onlyFrom(e, "completed and dead",
                "rerun") + (e.current() == JobState.PROCESSING ? " (it is running now)"
                : e.current() == JobState.FAILED ? " (it is waiting for its retry)" : " (it has not run yet)"));
    }
}

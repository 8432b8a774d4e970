package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.job.JobDetails;
import dev.queuectl.daemon.service.PoolState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.ShowRequest;
import dev.queuectl.protocol.result.JobView;
import java.util.concurrent.CompletableFuture;

/** {@code show}: a job with its whole history; its environment's values only when asked for. */
public final class ShowHandler implements OpHandler<ShowRequest> {
    /** Dependencies and dependents shown at most (each); a fan-in of thousands is summarised by its first. */
    private static final int SHOWN_DEPENDENCIES = 100;

    private final ServiceContext ctx;

    public ShowHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<JobView> handle(ShowRequest request) {
        return ctx.store().find(request.id()).thenCompose(found -> {
            if (found.isEmpty()) {
                throw ProtocolException.notFound(request.id());
            }
            JobDetails d = found.get();
            return ctx.store().dependencies(d.job().seq(), SHOWN_DEPENDENCIES)
                    .thenCombine(PoolState.load(ctx), (deps, pool) -> Views.job(d.job(), d.history(), pool,
                            request.showEnv(), deps));
        });
    }
}

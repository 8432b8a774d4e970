package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.request.ListRequest;
import dev.queuectl.protocol.result.JobList;
import java.util.concurrent.CompletableFuture;

/** {@code list}: jobs in enqueue order, optionally of one state. */
public final class ListHandler implements OpHandler<ListRequest> {
    private final ServiceContext ctx;

    public ListHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<JobList> handle(ListRequest request) {
        return ctx.store().list(Views.state(request.state()), request.limit(), request.newestFirst())
                .thenApply(page -> new JobList(Views.jobs(page.jobs()), page.total()));
    }
}

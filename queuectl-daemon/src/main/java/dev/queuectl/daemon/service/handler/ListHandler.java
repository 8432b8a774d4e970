package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.Cursors;
import dev.queuectl.daemon.service.PoolState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.request.ListRequest;
import dev.queuectl.protocol.result.JobList;
import java.util.concurrent.CompletableFuture;

/** {@code list}: a page of the jobs a filter matches, in enqueue order, with the cursor of the next page. */
public final class ListHandler implements OpHandler<ListRequest> {
    private final ServiceContext ctx;

    public ListHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<JobList> handle(ListRequest request) {
        Long after = request.cursor() == null ? null
                : Cursors.decode(request.cursor(), request.filter(), request.newestFirst());
        return ctx.store().list(Views.criteria(request.filter()), request.newestFirst(), after, request.limit())
                .thenApply(page -> new JobList(Views.jobs(page.jobs(), PoolState.of(ctx)), page.total(),
                        page.next() == null ? null
                                : Cursors.encode(page.next(), request.filter(), request.newestFirst())));
    }
}

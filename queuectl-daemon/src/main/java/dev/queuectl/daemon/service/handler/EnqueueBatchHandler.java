package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.request.EnqueueBatchRequest;
import dev.queuectl.protocol.result.BatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code enqueue_batch}: many jobs in one transaction, all or none. */
public final class EnqueueBatchHandler implements OpHandler<EnqueueBatchRequest> {
    private final ServiceContext ctx;

    public EnqueueBatchHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<BatchResult> handle(EnqueueBatchRequest request) {
        RuntimeConfig config = ctx.settings().current();
        List<NewJob> jobs = new ArrayList<>(request.jobs().size());
        for (JobSpec spec : request.jobs()) {
            jobs.add(NewJobs.resolve(spec, config, ctx.clock()));
        }
        return ctx.store().enqueueAll(jobs).thenApply(ids -> {
            ctx.events().publish(new JobEvent.Enqueued(ids.size()));
            return new BatchResult(ids);
        });
    }
}

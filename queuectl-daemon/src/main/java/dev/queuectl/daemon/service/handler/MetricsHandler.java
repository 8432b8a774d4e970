package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.metrics.QueueMetrics;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.request.MetricsRequest;
import dev.queuectl.protocol.result.MetricsResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** {@code metrics}: refreshes the state gauges from the store and the engine, then renders every metric. */
public final class MetricsHandler implements OpHandler<MetricsRequest> {
    private final ServiceContext ctx;

    public MetricsHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<MetricsResult> handle(MetricsRequest request) {
        var queues = ctx.store().queues(false);
        return ctx.store().counts().thenCombine(ctx.store().oldestDue(), (counts, oldest) -> {
            Duration age = oldest.map(t -> Duration.between(t, ctx.clock().instant())).orElse(Duration.ZERO);
            return new QueueMetrics.Gauges(counts, ctx.engine().running().size(),
                    ctx.settings().current().workers(), age.isNegative() ? Duration.ZERO : age, java.util.List.of());
        }).thenCombine(queues, (g, q) -> {
            ctx.metrics().update(new QueueMetrics.Gauges(g.jobs(), g.busyWorkers(), g.configuredWorkers(),
                    g.oldestPendingAge(), q));
            return new MetricsResult(ctx.metrics().contentType(), ctx.metrics().scrape());
        });
    }
}

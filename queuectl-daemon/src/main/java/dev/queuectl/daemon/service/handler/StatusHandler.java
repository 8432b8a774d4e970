package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.Readiness;
import dev.queuectl.daemon.service.DaemonIdentity;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.daemon.store.NodeInfo;
import dev.queuectl.protocol.ProtocolVersion;
import dev.queuectl.protocol.request.StatusRequest;
import dev.queuectl.protocol.result.StatusView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code status}: the daemon's identity, counts per state, workers, recent run statistics, its
 * long-lived loops, how it keeps track of runs' processes, and every daemon sharing the store.
 */
public final class StatusHandler implements OpHandler<StatusRequest> {
    private final ServiceContext ctx;

    public StatusHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<StatusView> handle(StatusRequest request) {
        var queues = ctx.store().queues(true);
        CompletableFuture<StatusPieces> pieces = ctx.store().waiting().thenCombine(ctx.store().cluster().nodes(),
                StatusPieces::new);
        return ctx.store().counts().thenCombine(pieces, (counts, p) -> {
            DaemonIdentity id = ctx.identity();
            Instant now = ctx.clock().instant();
            double uptime = Duration.between(id.startedAt(), now).toMillis() / 1000.0;
            return new StatusView(id.version(), ProtocolVersion.CURRENT, id.node(), id.store(), id.pid(),
                    id.startedAt(), uptime,
                    id.socket().toString(), id.dataDir().toString(), Views.counts(counts),
                    Views.workers(ctx.settings().current(), ctx.engine().running(), now), ctx.stats().view(),
                    Views.loops(ctx.health().loops()), Views.containment(ctx.engine().containment()),
                    Views.waiting(p.waiting()),
                    Views.nodes(p.nodes(), id, ctx.settings().current().workers(), ctx.engine().running().size()),
                    List.of());
        }).thenCombine(queues, (view, q) -> view.withQueues(Views.queues(q)));
    }

    /** What status reads besides the counts. */
    private record StatusPieces(Map<JobState, Map<Readiness, Long>> waiting, List<NodeInfo> nodes) {
    }
}

package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.DaemonIdentity;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.ProtocolVersion;
import dev.queuectl.protocol.request.StatusRequest;
import dev.queuectl.protocol.result.StatusView;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** {@code status}: the daemon's identity, counts per state, workers and recent run statistics. */
public final class StatusHandler implements OpHandler<StatusRequest> {
    private final ServiceContext ctx;

    public StatusHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<StatusView> handle(StatusRequest request) {
        return ctx.store().counts().thenCombine(ctx.store().cluster().nodes(), (counts, nodes) -> {
            DaemonIdentity id = ctx.identity();
            Instant now = ctx.clock().instant();
            double uptime = Duration.between(id.startedAt(), now).toMillis() / 1000.0;
            return new StatusView(id.version(), ProtocolVersion.CURRENT, id.node(), id.store(), id.pid(),
                    id.startedAt(), uptime,
                    id.socket().toString(), id.dataDir().toString(), Views.counts(counts),
                    Views.workers(ctx.settings().current(), ctx.engine().running(), now), ctx.stats().view(),
                    Views.nodes(nodes, id, ctx.settings().current().workers(), ctx.engine().running().size()));
        });
    }
}

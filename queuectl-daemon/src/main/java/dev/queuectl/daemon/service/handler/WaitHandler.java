package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.Errors;
import dev.queuectl.daemon.service.PoolState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.WaitRequest;
import dev.queuectl.protocol.result.WaitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code wait}: answers when the job is completed or dead, or when the timeout passes. */
public final class WaitHandler implements OpHandler<WaitRequest> {
    private final ServiceContext ctx;

    public WaitHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<WaitResult> handle(WaitRequest request) {
        Instant deadline = request.timeout() == null ? null : ctx.clock().instant().plus(request.timeout());
        return waitUntil(request.id(), deadline);
    }

    private CompletableFuture<WaitResult> waitUntil(String id, Instant deadline) {
        CompletableFuture<Void> signal = ctx.waiters().register(id);
        return ctx.store().find(id).thenCompose(found -> {
            if (found.isEmpty()) {
                ctx.waiters().unregister(id, signal);
                throw ProtocolException.notFound(id);
            }
            if (found.get().job().state().isFinal()) {
                ctx.waiters().unregister(id, signal);
                return CompletableFuture.completedFuture(new WaitResult(true, Views.job(found.get().job(), PoolState.of(ctx))));
            }
            CompletableFuture<Void> bounded = signal;
            if (deadline != null) {
                long ms = Math.max(0, Duration.between(ctx.clock().instant(), deadline).toMillis());
                bounded = signal.orTimeout(ms, TimeUnit.MILLISECONDS);
            }
            return bounded.handle((x, error) -> error).thenCompose(error -> {
                ctx.waiters().unregister(id, signal);
                if (Errors.unwrap(error) instanceof TimeoutException) {
                    return ctx.store().find(id).thenApply(v -> new WaitResult(false,
                            v.map(d -> Views.job(d.job(), PoolState.of(ctx))).orElseThrow(() -> ProtocolException.notFound(id))));
                }
                return waitUntil(id, deadline);
            });
        });
    }
}

package dev.queuectl.daemon.service.handler;

import dev.queuectl.protocol.request.Request;
import java.util.concurrent.CompletableFuture;

/**
 * Carries out one operation. Called on a front door's event-loop thread: returns at once with a
 * future that store or engine threads complete. A failure may be any exception; the service
 * turns it into the protocol's error.
 */
@FunctionalInterface
public interface OpHandler<R extends Request> {
    CompletableFuture<?> handle(R request);
}

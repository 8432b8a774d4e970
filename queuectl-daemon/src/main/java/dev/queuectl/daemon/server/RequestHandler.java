package dev.queuectl.daemon.server;

import dev.queuectl.protocol.request.Request;
import java.util.concurrent.CompletableFuture;

/**
 * What the server calls for each decoded request. Called on a Netty event-loop thread, so it
 * must return at once: any store or process work happens elsewhere and completes the future.
 * The result is a {@link dev.queuectl.protocol.json.JsonWritable} or plain JSON value; a
 * {@link dev.queuectl.protocol.ProtocolException} completion becomes an error response.
 */
@FunctionalInterface
public interface RequestHandler {
    CompletableFuture<?> handle(Request request);
}

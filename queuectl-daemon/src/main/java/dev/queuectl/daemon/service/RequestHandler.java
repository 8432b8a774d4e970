package dev.queuectl.daemon.service;

import dev.queuectl.protocol.request.Request;
import java.util.concurrent.CompletableFuture;

/**
 * The service's one entry point, for every front door (the Unix socket, HTTP). Called on a Netty
 * event-loop thread, so it must return at once: any store or process work happens elsewhere and
 * completes the future. The result is a {@link dev.queuectl.protocol.json.JsonWritable} or plain
 * JSON value; every failure completes it with a {@link dev.queuectl.protocol.ProtocolException}
 * carrying the error code and a message for a person.
 */
@FunctionalInterface
public interface RequestHandler {
    CompletableFuture<?> handle(Request request);
}

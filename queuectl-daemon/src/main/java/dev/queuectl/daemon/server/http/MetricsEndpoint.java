package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.service.RequestHandler;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.MetricsRequest;
import dev.queuectl.protocol.result.MetricsResult;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;

/** {@code GET /metrics}: the service's metrics in the Prometheus text format. Stateless. */
final class MetricsEndpoint {
    private final RequestHandler service;

    MetricsEndpoint(RequestHandler service) {
        this.service = service;
    }

    void scrape(Exchange x) {
        if (!x.isRead()) {
            x.fail(HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorCode.UNKNOWN_OP, "use GET");
            return;
        }
        service.handle(new MetricsRequest()).whenCompleteAsync((value, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                String message = cause instanceof ProtocolException ? cause.getMessage() : "internal error";
                x.respond(HttpResponseStatus.SERVICE_UNAVAILABLE, Responses.TEXT,
                        (message + "\n").getBytes(StandardCharsets.UTF_8), Responses.Caching.NONE);
                return;
            }
            MetricsResult m = (MetricsResult) value;
            x.respond(HttpResponseStatus.OK, m.contentType(), m.text().getBytes(StandardCharsets.UTF_8),
                    Responses.Caching.NONE);
        }, x.ctx.executor());
    }
}

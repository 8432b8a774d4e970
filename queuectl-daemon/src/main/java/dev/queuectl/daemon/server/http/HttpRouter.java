package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.service.RequestHandler;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.MetricsRequest;
import dev.queuectl.protocol.result.MetricsResult;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes HTTP requests to the service. Stateless, so one instance serves every connection. It
 * runs on event-loop threads and never blocks them: the service's future completes elsewhere and
 * the answer is written back on the channel's own loop.
 */
@ChannelHandler.Sharable
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);
    private static final String TEXT = "text/plain; charset=utf-8";

    private final RequestHandler service;

    HttpRouter(RequestHandler service) {
        this.service = service;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, TEXT, "malformed request\n");
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (!path.equals("/metrics")) {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND, TEXT, "not found; try /metrics\n");
            return;
        }
        if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, TEXT, "use GET\n");
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        CompletableFuture<?> answer = service.handle(new MetricsRequest());
        answer.whenCompleteAsync((value, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                log.warn("metrics request failed: {}", cause.getMessage());
                String message = cause instanceof ProtocolException ? cause.getMessage() : "internal error";
                send(ctx, keepAlive, head, HttpResponseStatus.SERVICE_UNAVAILABLE, TEXT, message + "\n");
                return;
            }
            MetricsResult metrics = (MetricsResult) value;
            send(ctx, keepAlive, head, HttpResponseStatus.OK, metrics.contentType(), metrics.text());
        }, ctx.executor());
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                                String type, String body) {
        send(ctx, HttpUtil.isKeepAlive(request), request.method().equals(HttpMethod.HEAD), status, type, body);
    }

    private static void send(ChannelHandlerContext ctx, boolean keepAlive, boolean head, HttpResponseStatus status,
                             String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        response.headers().set("X-Content-Type-Options", "nosniff");
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection error: {}", cause.toString());
        ctx.close();
    }
}

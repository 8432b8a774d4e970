package dev.queuectl.daemon.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.io.IOException;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP connection: hands each request to the router and writes the answers in request order
 * (a pipelining client gets them as it asked). Reading pauses while {@value #MAX_IN_FLIGHT}
 * requests are unanswered or the client does not read what was written, so nothing piles up.
 * Confined to the channel's event loop.
 */
final class HttpConnection extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(HttpConnection.class);
    static final int MAX_IN_FLIGHT = 8;

    /** Fired at every connection when the listener closes: answer what was asked, then close. */
    static final Object CLOSE_WHEN_ANSWERED = new Object();

    private final HttpRouter router;
    private final ArrayDeque<Exchange> inFlight = new ArrayDeque<>();
    private boolean streaming;
    private boolean closing;

    HttpConnection(HttpRouter router) {
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (streaming || closing) {
            return; // an event stream's connection carries nothing else; a closing one takes nothing new
        }
        Exchange x = new Exchange(this, ctx, request);
        inFlight.add(x);
        updateAutoRead(ctx);
        if (!request.decoderResult().isSuccess()) {
            router.refuseUndecodable(x, request.decoderResult().cause());
            return;
        }
        router.route(x);
    }

    /** An answer is ready: write every answer that is next in line. */
    void answered(Exchange x, FullHttpResponse response) {
        if (x.closeAfter) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        x.response = response;
        while (!inFlight.isEmpty() && inFlight.peek().response != null) {
            Exchange next = inFlight.poll();
            x.ctx.write(next.response);
        }
        x.ctx.flush();
        if (closing && inFlight.isEmpty()) {
            x.ctx.close();
            return;
        }
        updateAutoRead(x.ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == CLOSE_WHEN_ANSWERED) {
            closing = true;
            ctx.channel().config().setAutoRead(false);
            if (streaming || inFlight.isEmpty()) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    /**
     * The exchange becomes an event stream once the answers before it are written; returns false
     * (and answers nothing) when requests are still unanswered before it, which an event-stream
     * client never does.
     */
    boolean startStream(Exchange x) {
        if (inFlight.peek() != x || inFlight.size() != 1) {
            return false;
        }
        inFlight.poll();
        streaming = true;
        return true;
    }

    private void updateAutoRead(ChannelHandlerContext ctx) {
        boolean read = inFlight.size() < MAX_IN_FLIGHT && ctx.channel().isWritable();
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!streaming) {
            updateAutoRead(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("HTTP connection error: {}", cause.getMessage());
        } else {
            log.warn("closing an HTTP connection after an unexpected error", cause);
        }
        ctx.close();
    }
}

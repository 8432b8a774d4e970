package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.access.Role;
import dev.queuectl.protocol.ErrorCode;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its answer. What the request carried is copied out of Netty's buffer when
 * it arrives, so the answer may come later from any thread: {@link #respond} hops onto the
 * connection's event loop, which writes answers in request order.
 */
final class Exchange {
    private final HttpConnection connection;
    final ChannelHandlerContext ctx;
    final HttpMethod method;
    final String uri;
    final String path;
    final Map<String, List<String>> query;
    final HttpHeaders headers;
    final byte[] body;
    final boolean head;
    /** Set by the guard: who is asking, and whether by bearer token (not a cookie). */
    Role role;
    boolean bearer;
    FullHttpResponse response;
    /** Close the connection once this answer is written (the request could not be read). */
    boolean closeAfter;
    /** This request became an event stream: the connection carries nothing else from now on. */
    boolean streaming;

    Exchange(HttpConnection connection, ChannelHandlerContext ctx, FullHttpRequest request) {
        this.connection = connection;
        this.ctx = ctx;
        this.method = request.method();
        this.uri = request.uri();
        QueryStringDecoder decoded = new QueryStringDecoder(request.uri());
        this.path = decoded.path();
        this.query = decoded.parameters();
        this.headers = request.headers().copy();
        this.body = ByteBufUtil.getBytes(request.content());
        this.head = method.equals(HttpMethod.HEAD);
    }

    /** GET or HEAD: asks for something without changing anything. */
    boolean isRead() {
        return method.equals(HttpMethod.GET) || head;
    }

    boolean fromLoopback() {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress
                && ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().isLoopbackAddress();
    }

    /** The single value of a query parameter, or null. */
    String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Turns this exchange into an event stream (event loop only); false when requests wait before it. */
    boolean startStream() {
        streaming = connection.startStream(this);
        return streaming;
    }

    /** Answers; may be called from any thread, once. */
    void respond(FullHttpResponse r) {
        if (ctx.executor().inEventLoop()) {
            connection.answered(this, r);
        } else {
            ctx.executor().execute(() -> connection.answered(this, r));
        }
    }

    void respond(HttpResponseStatus status, String type, byte[] bytes, Responses.Caching caching) {
        respond(Responses.of(status, type, bytes, head, caching));
    }

    void fail(ErrorCode code, String message) {
        respond(Responses.error(code, message, head));
    }

    void fail(HttpResponseStatus status, ErrorCode code, String message) {
        respond(Responses.error(status, code, message, head));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

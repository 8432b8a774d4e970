package dev.queuectl.daemon.server.http;

import dev.queuectl.protocol.Codec;
import dev.queuectl.protocol.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Builds responses, every one with the security headers: a Content-Security-Policy that allows
 * scripts, styles and connections from this origin only (no inline script or style, no frames),
 * nosniff, no referrer, no framing, and no CORS headers at all. Stateless.
 */
final class Responses {
    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** How a response may be cached. */
    enum Caching {
        /** Never: API answers, pages, anything that depends on the session. */
        NONE,
        /** Forever: assets under a path that changes with their content. */
        IMMUTABLE,
        /** Revalidated each time (with its ETag). */
        REVALIDATE
    }

    private Responses() {
    }

    static void secure(HttpHeaders h, Caching caching) {
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        switch (caching) {
            case IMMUTABLE:
                h.set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=31536000, immutable");
                break;
            case REVALIDATE:
                h.set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
                break;
            case NONE:
            default:
                h.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
                break;
        }
    }

    static FullHttpResponse of(HttpResponseStatus status, String type, byte[] body, boolean head, Caching caching) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        if (type != null) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        }
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        secure(r.headers(), caching);
        return r;
    }

    /** The protocol's error object ({@code {"ok":false,"error":{"code","message"}}}) with its code's status. */
    static FullHttpResponse error(ErrorCode code, String message, boolean head) {
        return error(ErrorStatus.of(code), code, message, head);
    }

    static FullHttpResponse error(HttpResponseStatus status, ErrorCode code, String message, boolean head) {
        return of(status, JSON, Codec.encodeError(null, code, message), head, Caching.NONE);
    }
}

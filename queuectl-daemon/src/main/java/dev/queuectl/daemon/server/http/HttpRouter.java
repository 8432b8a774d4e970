package dev.queuectl.daemon.server.http;

import dev.queuectl.protocol.ErrorCode;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * The front of the HTTP listener: checks the Host, then sends each request to the login page,
 * the static assets, {@code /metrics}, the API or a page, after the {@link Guard} has said who
 * asks and, for anything that changes state, that it comes from this origin. A listener for
 * {@code /metrics} only (the older {@code metrics-listen}) serves nothing else. Stateless; runs on
 * event loops.
 */
final class HttpRouter {
    private final HttpOptions options;
    private final Guard guard;
    private final Pages pages;
    private final StaticAssets assets;
    private final LoginEndpoint login;
    private final MetricsEndpoint metrics;
    private final ApiRouter api;

    HttpRouter(HttpOptions options, Guard guard, Pages pages, StaticAssets assets, MetricsEndpoint metrics,
               ApiRouter api) {
        this.options = options;
        this.guard = guard;
        this.pages = pages;
        this.assets = assets;
        this.login = guard == null ? null : new LoginEndpoint(guard, pages);
        this.metrics = metrics;
        this.api = api;
    }

    void refuseUndecodable(Exchange x, Throwable cause) {
        x.closeAfter = true;
        if (cause instanceof TooLongHttpLineException) {
            x.fail(HttpResponseStatus.REQUEST_URI_TOO_LONG, ErrorCode.REQUEST_TOO_LARGE,
                    "the request line is longer than " + HttpServer.MAX_INITIAL_LINE + " bytes");
        } else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            x.fail(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
                    "the request headers are longer than " + HttpServer.MAX_HEADERS + " bytes");
        } else {
            x.fail(ErrorCode.MALFORMED_REQUEST, "not an HTTP request this server understands");
        }
    }

    void route(Exchange x) {
        String host = x.headers.get(HttpHeaderNames.HOST);
        if (host == null || host.isBlank()) {
            x.fail(ErrorCode.MALFORMED_REQUEST, "the request has no Host header");
            return;
        }
        String hostRefusal = hostRefusal(x);
        if (hostRefusal != null) {
            x.fail(ErrorCode.PERMISSION_DENIED, hostRefusal);
            return;
        }
        String path = x.path;
        if (path.equals("/metrics")) {
            if (options.metricsOnly() || (options.openMetrics() && x.fromLoopback())) {
                metrics.scrape(x);
            } else if (guard.authenticate(x)) {
                metrics.scrape(x);
            } else {
                unauthenticated(x);
            }
            return;
        }
        if (options.metricsOnly()) {
            x.respond(HttpResponseStatus.NOT_FOUND, Responses.TEXT, "not found; try /metrics\n".getBytes(),
                    Responses.Caching.NONE);
            return;
        }
        if (path.equals("/login")) {
            login.login(x);
            return;
        }
        if (path.startsWith("/assets/")) {
            if (x.isRead()) {
                assets.serve(x);
            } else {
                x.fail(HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorCode.UNKNOWN_OP, "use GET");
            }
            return;
        }
        boolean known = guard.authenticate(x);
        boolean api = path.startsWith("/api/");
        if (api && !known) {
            unauthenticated(x);
            return;
        }
        if (!x.isRead() && (api || path.equals("/logout"))) {
            String refusal = guard.crossSiteRefusal(x);
            if (refusal != null) {
                x.fail(ErrorCode.PERMISSION_DENIED, refusal);
                return;
            }
        }
        if (path.equals("/logout")) {
            login.logout(x);
        } else if (api) {
            if (!path.startsWith(ApiRouter.PREFIX)) {
                x.fail(ErrorCode.UNKNOWN_OP, "this daemon speaks API version 1: " + ApiRouter.PREFIX + "...");
            } else {
                this.api.handle(x);
            }
        } else if (!x.isRead()) {
            x.fail(HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorCode.UNKNOWN_OP, "pages are read with GET");
        } else if (!known) {
            pages.login(x, HttpResponseStatus.UNAUTHORIZED, "You are not logged in (or your session ended when the"
                    + " tokens were replaced).");
        } else {
            pages.shell(x, Pages.isPage(path) ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND);
        }
    }

    private String hostRefusal(Exchange x) {
        if (guard != null) {
            return guard.hostRefusal(x);
        }
        return Guard.hostProblem(x.headers.get(HttpHeaderNames.HOST), false);
    }

    private static void unauthenticated(Exchange x) {
        var r = Responses.error(ErrorCode.UNAUTHENTICATED, "no valid session: log in with the link"
                + " `queuectl dashboard` prints, or send Authorization: Bearer TOKEN", x.head);
        r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"queuectl\"");
        x.respond(r);
    }
}

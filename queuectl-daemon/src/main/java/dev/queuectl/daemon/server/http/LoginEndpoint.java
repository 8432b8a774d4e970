package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.access.Role;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;

/**
 * {@code GET /login?token=T} exchanges a token for a session cookie (HttpOnly, SameSite=Strict)
 * and redirects to the dashboard, so the token leaves the address bar at once; without a token it
 * shows how to get a link. {@code POST /logout} clears the cookie. Event loop only; stateless.
 */
final class LoginEndpoint {
    private final Guard guard;
    private final Pages pages;

    LoginEndpoint(Guard guard, Pages pages) {
        this.guard = guard;
        this.pages = pages;
    }

    void login(Exchange x) {
        if (!x.isRead()) {
            x.respond(HttpResponseStatus.METHOD_NOT_ALLOWED, Responses.TEXT, "use GET\n".getBytes(), Responses.Caching.NONE);
            return;
        }
        String token = x.param("token");
        if (token == null) {
            pages.login(x, HttpResponseStatus.OK, "Log in with a link that carries a token.");
            return;
        }
        Optional<Role> role = guard.access().roleOfToken(token);
        if (role.isEmpty()) {
            pages.login(x, HttpResponseStatus.UNAUTHORIZED, "This login link is not valid: its token is wrong or"
                    + " was replaced (queuectl dashboard --rotate).");
            return;
        }
        var r = Responses.of(HttpResponseStatus.SEE_OTHER, null, new byte[0], x.head, Responses.Caching.NONE);
        r.headers().set(HttpHeaderNames.LOCATION, "/");
        r.headers().set(HttpHeaderNames.SET_COOKIE, guard.sessionCookie(x, role.get()));
        x.respond(r);
    }

    void logout(Exchange x) {
        if (!x.method.equals(HttpMethod.POST)) {
            x.respond(HttpResponseStatus.METHOD_NOT_ALLOWED, Responses.TEXT, "use POST\n".getBytes(),
                    Responses.Caching.NONE);
            return;
        }
        var r = Responses.of(HttpResponseStatus.SEE_OTHER, null, new byte[0], false, Responses.Caching.NONE);
        r.headers().set(HttpHeaderNames.LOCATION, "/login");
        r.headers().set(HttpHeaderNames.SET_COOKIE, guard.expiredCookie(x));
        x.respond(r);
    }
}

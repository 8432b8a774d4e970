package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.access.DashboardAccess;
import dev.queuectl.daemon.access.Role;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may ask what. A request names a host this daemon answers to (loopback names only unless
 * remote access is on: a DNS-rebinding page cannot reach it under a foreign name); it carries a
 * session cookie or an {@code Authorization: Bearer} token of one of the two roles; and if it
 * changes anything it comes from this origin ({@code Origin}, or {@code Sec-Fetch-Site:
 * same-origin}), so a cross-site form or fetch is refused even with the cookie. Stateless.
 */
final class Guard {
    static final long SESSION_SECONDS = 30L * 24 * 3600;

    private final DashboardAccess access;
    private final boolean allowRemote;

    Guard(DashboardAccess access, boolean allowRemote) {
        this.access = access;
        this.allowRemote = allowRemote;
    }

    /** Null when the Host header names this daemon acceptably, else why not. */
    String hostRefusal(Exchange x) {
        return hostProblem(x.headers.get(HttpHeaderNames.HOST), allowRemote);
    }

    static String hostProblem(String host, boolean allowRemote) {
        if (host == null || host.isBlank()) {
            return "the request has no Host header";
        }
        if (allowRemote || isLoopbackName(hostPart(host))) {
            return null;
        }
        return "this daemon answers to loopback names only (127.0.0.1, [::1], localhost), not '"
                + Printable.of(host, 100) + "'";
    }

    static String hostPart(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean isLoopbackName(String h) {
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** The session cookie's name; the port is in it so daemons on one host keep apart (cookies ignore ports). */
    static String cookieName(Exchange x) {
        return "queuectl_" + ((InetSocketAddress) x.ctx.channel().localAddress()).getPort();
    }

    /** Sets {@code x.role} from a bearer token or the session cookie; false when neither is valid. */
    boolean authenticate(Exchange x) {
        String auth = x.headers.get(HttpHeaderNames.AUTHORIZATION);
        if (auth != null) {
            Optional<Role> role = auth.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? access.roleOfToken(auth.substring(7).trim()) : Optional.empty();
            role.ifPresent(r -> {
                x.role = r;
                x.bearer = true;
            });
            return role.isPresent();
        }
        String cookies = x.headers.get(HttpHeaderNames.COOKIE);
        if (cookies == null) {
            return false;
        }
        String name = cookieName(x);
        for (Cookie c : ServerCookieDecoder.STRICT.decode(cookies)) {
            if (c.name().equals(name)) {
                Optional<Role> role = access.roleOfSession(c.value());
                if (role.isPresent()) {
                    x.role = role.get();
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Null when a state-changing request may go on, else why not: it must come from this origin.
     * A bearer token is never sent by a browser on its own, so it needs only a same-origin
     * {@code Origin} when one is present.
     */
    String crossSiteRefusal(Exchange x) {
        String origin = x.headers.get(HttpHeaderNames.ORIGIN);
        String host = x.headers.get(HttpHeaderNames.HOST);
        if (origin != null) {
            return sameOrigin(origin, host) ? null
                    : "cross-origin request from '" + Printable.of(origin, 100) + "' refused";
        }
        String site = x.headers.get("Sec-Fetch-Site");
        if (site != null) {
            return site.equalsIgnoreCase("same-origin") ? null : "cross-site request (" + Printable.of(site, 40)
                    + ") refused";
        }
        return x.bearer ? null : "a request that changes something must come from the dashboard's own pages"
                + " (Origin or Sec-Fetch-Site header), or carry an Authorization: Bearer token";
    }

    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI u = new URI(origin.trim());
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                return false;
            }
            String authority = u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort());
            return authority.equals(host.trim().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The Set-Cookie value that logs a browser in with {@code role}. */
    String sessionCookie(Exchange x, Role role) {
        DefaultCookie c = new DefaultCookie(cookieName(x), access.sessionValue(role));
        c.setHttpOnly(true);
        c.setSameSite(CookieHeaderNames.SameSite.Strict);
        c.setPath("/");
        c.setMaxAge(SESSION_SECONDS);
        c.setSecure(allowRemote);
        return ServerCookieEncoder.STRICT.encode(c);
    }

    /** The Set-Cookie value that logs a browser out. */
    String expiredCookie(Exchange x) {
        DefaultCookie c = new DefaultCookie(cookieName(x), "");
        c.setHttpOnly(true);
        c.setSameSite(CookieHeaderNames.SameSite.Strict);
        c.setPath("/");
        c.setMaxAge(0);
        c.setSecure(allowRemote);
        return ServerCookieEncoder.STRICT.encode(c);
    }

    DashboardAccess access() {
        return access;
    }
}

package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.access.Role;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The dashboard's HTML: one shell for every page (the page's ES module renders the view from the
 * JSON API) and the login page. Templates hold no inline script or style; the values filled in
 * are the asset prefix, the session's role and fixed sentences, never anything from a request.
 * Immutable; thread-safe.
 */
final class Pages {
    /** A page of the dashboard: its path (a prefix when it ends with "/") and its menu label. */
    record Page(String path, String label, boolean inMenu) {
    }

    static final List<Page> PAGES = List.of(new Page("/", "Overview", true), new Page("/jobs", "Jobs", true),
            new Page("/jobs/", "Job", false), new Page("/dead", "Dead letters", true),
            new Page("/workers", "Workers", true), new Page("/config", "Config", true));

    private final String shell;
    private final String login;

    Pages(StaticAssets assets) {
        StringBuilder nav = new StringBuilder();
        for (Page p : PAGES) {
            if (p.inMenu()) {
                nav.append("      <li><a href=\"").append(p.path()).append("\">").append(p.label()).append("</a></li>\n");
            }
        }
        try {
            shell = template("shell.html").replace("{{assets}}", assets.prefix())
                    .replace("{{nav}}", nav.toString().stripTrailing());
            login = template("login.html").replace("{{assets}}", assets.prefix());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String template(String name) throws IOException {
        return new String(StaticAssets.read(StaticAssets.ROOT + name), StandardCharsets.UTF_8);
    }

    /** Whether {@code path} is a page of the dashboard. */
    static boolean isPage(String path) {
        for (Page p : PAGES) {
            if (p.path().endsWith("/") && p.path().length() > 1
                    ? path.startsWith(p.path()) && path.length() > p.path().length() : path.equals(p.path())) {
                return true;
            }
        }
        return false;
    }

    void shell(Exchange x, HttpResponseStatus status) {
        String html = shell.replace("{{role}}", x.role.key());
        x.respond(status, Responses.HTML, html.getBytes(StandardCharsets.UTF_8), Responses.Caching.NONE);
    }

    /** The login page with one of the fixed messages. */
    void login(Exchange x, HttpResponseStatus status, String message) {
        String html = login.replace("{{message}}", message)
                .replace("{{class}}", status.code() == 200 ? "muted" : "notice");
        x.respond(status, Responses.HTML, html.getBytes(StandardCharsets.UTF_8), Responses.Caching.NONE);
    }
}

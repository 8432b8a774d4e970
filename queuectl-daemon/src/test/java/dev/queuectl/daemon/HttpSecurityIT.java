package dev.queuectl.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.config.DaemonSettings;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what over HTTP: sessions and tokens, read-only sessions, cross-site requests with a
 * valid cookie, foreign Host names, CORS, the security headers on every kind of answer, login
 * and token rotation.
 */
class HttpSecurityIT {
    private HttpDaemon d;
    private HttpApi api;

    @BeforeEach
    void start() {
        d = HttpDaemon.start();
        api = d.api;
        d.socket.ok("{\"op\":\"worker_stop\"}");
        d.socket.ok("{\"op\":\"enqueue\",\"id\":\"victim\",\"command\":\"true\"}");
    }

    @AfterEach
    void stop() {
        d.close();
    }

    private String stateOfVictim() {
        return (String) d.socket.ok("{\"op\":\"show\",\"id\":\"victim\"}").get("state");
    }

    @Test
    void withoutAValidSessionEveryApiCallAndPageIs401() {
        for (String path : List.of("/api/v1/status", "/api/v1/jobs", "/api/v1/jobs/victim", "/api/v1/events",
                "/api/v1/nothing-here", "/metrics")) {
            HttpApi.Answer a = api.get(path);
            assertEquals(401, a.status(), path);
            assertEquals("UNAUTHENTICATED", a.code(), path);
            assertEquals("Bearer realm=\"queuectl\"", a.header("www-authenticate"));
        }
        assertEquals(401, api.get("/api/v1/status", "Authorization", "Bearer not-the-token").status());
        assertEquals(401, api.get("/api/v1/status", "Cookie", "queuectl_" + d.daemon.daemon().httpPort() + "=forged").status());
        assertEquals(401, api.post("/api/v1/jobs/victim/cancel", null, "Authorization", "Bearer x").status());
        for (String page : List.of("/", "/jobs", "/jobs/victim", "/dead", "/workers", "/config", "/nope")) {
            HttpApi.Answer a = api.get(page);
            assertEquals(401, a.status(), page);
            assertTrue(a.header("content-type").startsWith("text/html"), page);
            assertTrue(a.body().contains("queuectl dashboard"), "says how to log in");
        }
        assertEquals(200, api.get("/login").status(), "the login page itself");
        assertEquals("pending", stateOfVictim());
    }

    @Test
    void theLoginLinkSetsAStrictHttpOnlyCookieAndDropsTheTokenFromTheAddress() {
        HttpApi.Answer a = api.get("/login?token=" + d.token);
        assertEquals(303, a.status());
        assertEquals("/", a.header("location"));
        String cookie = a.header("set-cookie");
        assertTrue(cookie.startsWith("queuectl_" + d.daemon.daemon().httpPort() + "="), cookie);
        assertTrue(cookie.contains("HTTPOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains(d.token), "the cookie is not the token itself");
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpApi.Answer page = api.get("/", "Cookie", session);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<meta name=\"queuectl-role\" content=\"read-write\">"));
        assertEquals(401, api.get("/login?token=" + d.token + "x").status());
    }

    @Test
    void aReadOnlySessionSeesEverythingAndChangesNothing() {
        String[] ro = d.readOnly();
        assertEquals(200, api.get("/api/v1/status", ro).status());
        assertEquals(200, api.get("/api/v1/jobs/victim", ro).status());
        assertEquals(200, api.get("/api/v1/config", ro).status());
        assertEquals(200, api.post("/api/v1/ops/list", "{}", ro).status(), "an op that changes nothing");
        String[][] changes = {
            {"POST", "/api/v1/jobs", "{\"command\":\"true\"}"},
            {"POST", "/api/v1/jobs/victim/cancel", null},
            {"POST", "/api/v1/jobs/victim/retry", null},
            {"DELETE", "/api/v1/jobs/victim", null},
            {"POST", "/api/v1/dlq/retry", "{\"all\":true}"},
            {"POST", "/api/v1/dlq/purge", "{\"ids\":[\"victim\"]}"},
            {"PUT", "/api/v1/config/workers", "{\"value\":4}"},
            {"POST", "/api/v1/workers/start", "{}"},
            {"POST", "/api/v1/workers/stop", "{}"},
            {"POST", "/api/v1/prune", "{}"},
            {"POST", "/api/v1/drain", "{}"},
            {"POST", "/api/v1/ops/enqueue", "{\"command\":\"true\"}"},
        };
        for (String[] c : changes) {
            HttpApi.Answer a = api.send(c[0], c[1], c[2], ro);
            assertEquals(403, a.status(), c[0] + " " + c[1] + ": " + a);
            assertEquals("PERMISSION_DENIED", a.code());
        }
        String cookie = d.cookieFor(d.readOnlyToken);
        HttpApi.Answer viaCookie = api.post("/api/v1/jobs/victim/cancel", null, "Cookie", cookie, "Origin", d.origin());
        assertEquals(403, viaCookie.status());
        assertEquals("pending", stateOfVictim());
        assertEquals(1L, ((Map<?, ?>) d.socket.ok("{\"op\":\"status\"}").get("jobs")).get("pending"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) d.socket.ok("{\"op\":\"status\"}").get("workers")).get("stopped"));
    }

    @Test
    void aCrossSiteRequestIsRefusedEvenWithAValidCookie() {
        String cookie = d.cookieFor(d.token);
        String cancel = "/api/v1/jobs/victim/cancel";
        HttpApi.Answer foreign = api.post(cancel, null, "Cookie", cookie, "Origin", "http://evil.example");
        assertEquals(403, foreign.status());
        assertEquals("PERMISSION_DENIED", foreign.code());
        int port = d.daemon.daemon().httpPort();
        assertEquals(403, api.post(cancel, null, "Cookie", cookie, "Origin", "http://127.0.0.1:" + (port + 1)).status(),
                "another port is another origin");
        assertEquals(403, api.post(cancel, null, "Cookie", cookie, "Origin", "null").status());
        assertEquals(403, api.post(cancel, null, "Cookie", cookie, "Sec-Fetch-Site", "cross-site").status());
        assertEquals(403, api.post(cancel, null, "Cookie", cookie, "Sec-Fetch-Site", "same-site").status());
        assertEquals(403, api.post(cancel, null, "Cookie", cookie).status(), "a cookie alone is not enough");
        assertEquals(403, api.post("/logout", null, "Cookie", cookie, "Origin", "http://evil.example").status());
        assertEquals("pending", stateOfVictim(), "nothing refused changed anything");

        assertEquals(200, api.post(cancel, null, "Cookie", cookie, "Origin", d.origin()).status());
        assertEquals("dead", stateOfVictim());
        assertEquals(200, api.post("/api/v1/jobs/victim/retry", null, "Cookie", cookie, "Sec-Fetch-Site", "same-origin")
                .status());
        assertEquals(403, api.post(cancel, null, "Authorization", "Bearer " + d.token, "Origin", "http://evil.example")
                .status(), "a bearer token from a foreign page is refused too");
    }

    @Test
    void noCorsHeadersAreEverSentAndPreflightsFail() {
        HttpApi.Answer preflight = api.send("OPTIONS", "/api/v1/jobs", null, "Origin", "http://evil.example",
                "Access-Control-Request-Method", "POST");
        assertTrue(preflight.status() == 401 || preflight.status() == 403 || preflight.status() == 405, preflight.toString());
        HttpApi.Answer withOrigin = api.get("/api/v1/status", "Origin", "http://evil.example", "Authorization",
                "Bearer " + d.token);
        for (HttpApi.Answer a : List.of(preflight, withOrigin)) {
            for (String h : a.headers().map().keySet()) {
                assertFalse(h.toLowerCase().startsWith("access-control-"), "no CORS header: " + h);
            }
        }
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        String cookie = d.cookieFor(d.token);
        String shell = api.get("/", "Cookie", cookie).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/assets/[0-9a-f]+/").matcher(shell);
        assertTrue(m.find(), shell);
        String assets = m.group();
        List<HttpApi.Answer> answers = List.of(api.get("/", "Cookie", cookie), api.get("/jobs/victim", "Cookie", cookie),
                api.get("/api/v1/status", d.bearer()), api.get("/api/v1/jobs/nope", d.bearer()), api.get("/api/v1/status"),
                api.get("/login"), api.get("/login?token=wrong"), api.get(assets + "app.js"), api.get("/assets/x/none.js"));
        for (HttpApi.Answer a : answers) {
            String csp = a.header("content-security-policy");
            assertTrue(csp != null && csp.contains("default-src 'none'") && csp.contains("script-src 'self'")
                    && csp.contains("style-src 'self'") && csp.contains("frame-ancestors 'none'"), a.toString());
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
            assertEquals("DENY", a.header("x-frame-options"));
            assertEquals("nosniff", a.header("x-content-type-options"));
            assertEquals("no-referrer", a.header("referrer-policy"));
        }
        assertFalse(shell.contains("<script>") || shell.contains("style="), "no inline script or style in the page");
    }

    @Test
    void aForeignHostNameIsRefusedSoDnsRebindingFindsNothing() {
        int port = d.daemon.daemon().httpPort();
        String auth = "\r\nAuthorization: Bearer " + d.token;
        assertEquals(403, RawHttp.status(port, "GET /api/v1/status HTTP/1.1\r\nHost: evil.example:" + port + auth, null));
        assertEquals(200, RawHttp.status(port, "GET /api/v1/status HTTP/1.1\r\nHost: localhost:" + port + auth, null));
        assertEquals(200, RawHttp.status(port, "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1:" + port + auth, null));
        assertEquals(400, RawHttp.status(port, "GET /api/v1/status HTTP/1.1" + auth, null), "no Host at all");
    }

    @Test
    void rotatingTheTokensEndsEverySessionAndLink() throws Exception {
        String oldToken = d.token;
        String cookie = d.cookieFor(oldToken);
        Path file = d.daemon.settings.dataDir().resolve("dashboard-tokens");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Map<String, Object> rotated = d.socket.ok("{\"op\":\"dashboard\",\"rotate\":true}");
        assertEquals(Boolean.TRUE, rotated.get("rotated"));
        d.refresh();
        assertFalse(d.token.equals(oldToken));
        assertEquals(401, api.get("/api/v1/status", "Authorization", "Bearer " + oldToken).status());
        assertEquals(401, api.get("/api/v1/status", "Cookie", cookie).status());
        assertEquals(401, api.get("/login?token=" + oldToken).status());
        assertEquals(200, api.get("/api/v1/status", d.bearer()).status());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains(d.token));

        d.restart();
        assertEquals(200, d.api.get("/api/v1/status", "Authorization", "Bearer " + d.token).status(),
                "tokens survive a restart");
    }

    @Test
    void aNonLoopbackAddressNeedsHttpAllowRemote() {
        Path root = ShortTempDir.create();
        try {
            DaemonSettings s = DaemonSettings.of(root.resolve("data"), root.resolve("d.sock"))
                    .withHttpListen(new InetSocketAddress("0.0.0.0", 0));
            DaemonStartException e = assertThrows(DaemonStartException.class, () -> QueueDaemon.start(s));
            assertTrue(e.getMessage().contains("http-allow-remote"), e.getMessage());
        } finally {
            ShortTempDir.delete(root);
        }
    }
}

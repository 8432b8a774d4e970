package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.protocol.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code queuectl dashboard}: its links, tokens and rotation, against a daemon with and without HTTP. */
class DashboardCliIT {
    @RegisterExtension
    final ShortTempDir temp = new ShortTempDir();
    private Path root;
    private QueueDaemon daemon;
    private Path socket;

    @BeforeEach
    void start() throws IOException {
        root = temp.path();
        socket = root.resolve("d.sock");
        daemon = QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket)
                .withHttpListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
    }

    private CliRun ok(String... args) {
        CliRun r = CliRun.run(socket, args);
        assertEquals(0, r.exitCode, r::toString);
        return r;
    }

    private int statusWith(String token) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.httpPort() + "/api/v1/status"))
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void itPrintsTheLoginLinksAndTheTokenThatWorksForTheApi() throws Exception {
        String link = ok("dashboard").out.strip();
        assertTrue(link.matches("http://127\\.0\\.0\\.1:" + daemon.httpPort() + "/login\\?token=[A-Za-z0-9_-]{43}"), link);
        String readOnly = ok("dashboard", "--read-only").out.strip();
        assertNotEquals(link, readOnly);
        String token = ok("dashboard", "--token").out.strip();
        assertTrue(link.endsWith("=" + token));
        assertEquals(200, statusWith(token));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(ok("dashboard", "--read-only", "--json").out);
        assertEquals(readOnly, json.get("url"));
        assertEquals(Boolean.TRUE, json.get("read_only"));
    }

    @Test
    void rotatingGivesNewLinksAndTheOldTokenStopsWorking() throws Exception {
        String old = ok("dashboard", "--token").out.strip();
        CliRun rotated = ok("dashboard", "--rotate");
        assertTrue(rotated.err.contains("earlier links, sessions and API tokens no longer work"), rotated.err);
        assertFalse(rotated.out.contains(old));
        assertEquals(401, statusWith(old));
        assertEquals(200, statusWith(ok("dashboard", "--token").out.strip()));
    }

    @Test
    void openWritesAPrivatePageThatForwardsToTheLink() throws IOException {
        Path runtime = Files.createDirectories(root.resolve("runtime"));
        CliRun r = CliRun.with(socket).env("XDG_RUNTIME_DIR", runtime.toString()).env("PATH", "/nonexistent")
                .run("dashboard", "--open");
        assertEquals(0, r.exitCode, r::toString);
        Path page = runtime.resolve("queuectl/dashboard-login.html");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(page)));
        String link = r.out.strip();
        assertTrue(Files.readString(page).contains("url=" + link), "it forwards to the link");
        assertTrue(r.err.contains("no xdg-open"), "says why no browser opened: " + r.err);
    }

    @Test
    void withoutTheHttpListenerItSaysHowToTurnItOn() throws IOException {
        daemon.close();
        daemon = QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket));
        CliRun r = CliRun.run(socket, "dashboard");
        assertEquals(5, r.exitCode, r::toString);
        assertTrue(r.err.contains("http-listen = 127.0.0.1:8765"), r.err);
        assertEquals("", r.out);
    }
}

package dev.queuectl.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.config.DaemonOption;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bounded everything: request line, headers and body sizes, connections, and each error code's
 * HTTP status over the wire.
 */
class HttpLimitsIT {
    private HttpDaemon d;
    private int port;

    @BeforeEach
    void start() {
        d = HttpDaemon.start(s -> s.withMaxRequestBytes(64 * 1024).with(DaemonOption.HTTP_MAX_CONNECTIONS, "8"));
        port = d.daemon.daemon().httpPort();
        d.socket.ok("{\"op\":\"worker_stop\"}");
    }

    @AfterEach
    void stop() {
        d.close();
    }

    private String head(String method, String path, int length) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + d.token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + length;
    }

    @Test
    void anOversizedBodyIsRefusedWith413AndNothingIsEnqueued() {
        byte[] body = ("{\"command\":\"echo " + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String answer = RawHttp.exchange(port, head("POST", "/api/v1/jobs", body.length), body);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"REQUEST_TOO_LARGE\""), answer);
        assertEquals(0L, d.socket.ok("{\"op\":\"list\"}").get("total"));
        assertEquals(200, d.api.get("/api/v1/status", d.bearer()).status(), "the daemon carries on");
    }

    @Test
    void oversizedRequestLinesAndHeadersAreRefused() {
        String longPath = "/api/v1/jobs?search=" + "a".repeat(20_000);
        assertEquals(414, RawHttp.status(port, "GET " + longPath + " HTTP/1.1\r\nHost: 127.0.0.1", null));
        String bigHeader = "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + "b".repeat(40_000);
        assertEquals(431, RawHttp.status(port, bigHeader, null));
    }

    @Test
    void eachErrorCodeHasItsStatus() {
        HttpApi api = d.api;
        String[] auth = d.bearer();
        assertEquals(400, api.post("/api/v1/jobs", "{not json", auth).status());
        assertEquals("MALFORMED_REQUEST", api.post("/api/v1/jobs", "[1]", auth).code());
        HttpApi.Answer invalid = api.post("/api/v1/jobs", "{\"command\":\"true\",\"priorty\":1}", auth);
        assertEquals(400, invalid.status());
        assertEquals("INVALID_ARGUMENT", invalid.code());
        assertEquals("INVALID_ARGUMENT", api.get("/api/v1/jobs?limit=lots", auth).code());
        HttpApi.Answer unknown = api.get("/api/v1/no-such-thing", auth);
        assertEquals(404, unknown.status());
        assertEquals("UNKNOWN_OP", unknown.code());
        assertEquals("UNKNOWN_OP", api.post("/api/v1/ops/no_such_op", "{}", auth).code());
        HttpApi.Answer method = api.send("DELETE", "/api/v1/status", null, auth);
        assertEquals(405, method.status());
        assertEquals("GET", method.header("allow"));
        HttpApi.Answer missing = api.get("/api/v1/jobs/nope", auth);
        assertEquals(404, missing.status());
        assertEquals("NOT_FOUND", missing.code());
        api.post("/api/v1/jobs", "{\"id\":\"x\",\"command\":\"true\"}", auth).result();
        HttpApi.Answer dup = api.post("/api/v1/jobs", "{\"id\":\"x\",\"command\":\"true\"}", auth);
        assertEquals(409, dup.status());
        assertEquals("DUPLICATE_ID", dup.code());
        HttpApi.Answer state = api.post("/api/v1/jobs/x/retry", null, auth);
        assertEquals(409, state.status());
        assertEquals("INVALID_STATE", state.code());
        HttpApi.Answer denied = api.post("/api/v1/jobs/x/cancel", null, d.readOnly());
        assertEquals(403, denied.status());
        assertEquals("PERMISSION_DENIED", denied.code());
        HttpApi.Answer anon = api.get("/api/v1/jobs");
        assertEquals(401, anon.status());
        assertEquals("UNAUTHENTICATED", anon.code());
        HttpApi.Answer rerun = api.post("/api/v1/jobs/x/rerun", null, auth);
        assertTrue(rerun.status() == 404 || rerun.status() == 409 || rerun.status() == 200, rerun.toString());
    }

    @Test
    void connectionsBeyondTheLimitAre503AndTheDaemonServesAgainOnceTheyClose() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.getOutputStream().write("GET /api/v1/sta".getBytes(StandardCharsets.US_ASCII));
                held.add(s);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                String answer = RawHttp.exchange(port, "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1", null);
                return answer.startsWith("HTTP/1.1 503") && answer.contains("\"UNAVAILABLE\"");
            });
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> d.api.get("/api/v1/status", d.bearer()).status() == 200);
    }

    @Test
    void aClientThatNeverFinishesItsRequestIsDisconnected() throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            // The daemon gives a request 30 s to arrive whole; the read below gives up well after that.
            s.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            s.getOutputStream().write(("GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[256];
            int n = in.read(buf);
            assertTrue(n <= 0, "closed without an answer: " + new String(Arrays.copyOf(buf, Math.max(n, 0))));
        }
    }
}

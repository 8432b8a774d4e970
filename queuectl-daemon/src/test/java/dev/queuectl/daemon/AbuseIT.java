package dev.queuectl.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.protocol.json.Json;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken clients on the raw socket. After each, the daemon must still answer a
 * well-behaved client, and nothing that was refused may have changed the store.
 */
class AbuseIT {
    private static final int MAX_CONNECTIONS = 64;
    private static TestDaemon daemon;

    @BeforeAll
    static void start() {
        daemon = TestDaemon.start(s -> s.withMaxConnections(MAX_CONNECTIONS).withMaxRequestBytes(64 * 1024));
        try (RawClient c = daemon.connect()) {
            c.ok("{\"op\":\"worker_stop\"}");
        }
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    @AfterEach
    void stillHealthy() {
        try (RawClient c = daemon.connect()) {
            assertNotNull(c.ok("{\"op\":\"status\"}").get("jobs"), "the daemon answers after the abuse");
        }
    }

    private static long jobs() {
        try (RawClient c = daemon.connect()) {
            return (Long) c.ok("{\"op\":\"list\",\"limit\":1}").get("total");
        }
    }

    @Test
    void generatedGarbageGetsAnErrorPerLineAndChangesNothing() {
        Random random = new Random(42);
        int tried = Figures.size(5_000, 100_000);
        long before = jobs();
        int refused = 0;
        int enqueued = 0;
        try (RawClient c = daemon.connect()) {
            for (int i = 0; i < tried; i++) {
                byte[] line = garbage(random);
                c.sendRaw(line);
                c.sendRaw(new byte[] {'\n'});
                Map<String, Object> r = c.response();
                if (Boolean.FALSE.equals(r.get("ok"))) {
                    refused++;
                    assertNotNull(RawClient.errorCode(r));
                } else if (r.get("result") instanceof Map && ((Map<?, ?>) r.get("result")).containsKey("command")) {
                    enqueued++; // a mutation that happens to be a valid request
                }
            }
        }
        assertEquals(before + enqueued, jobs(), "only lines that were acknowledged as enqueues added jobs");
        Figures.report("protocol fuzz", tried + " generated lines (random bytes, invalid UTF-8, NUL bytes, broken"
                + " and mutated JSON, wrong field types, deep nesting), each answered on the same connection: "
                + refused + " refused with an error code, " + (tried - refused) + " happened to be valid ("
                + enqueued + " of them enqueues); nothing refused changed the store");
    }

    /** A line without newlines: random bytes, or a request mutated (which may, by chance, stay valid). */
    private static byte[] garbage(Random r) {
        switch (r.nextInt(6)) {
            case 0: {
                byte[] b = new byte[1 + r.nextInt(200)];
                r.nextBytes(b);
                return strip(b);
            }
            case 1: {
                String[] values = {"null", "true", "1e999", "-0", "\"\\u0000\"", "[]", "{}", "\"x\"", "123456789012345678901234567890", "0.5"};
                return ("{\"op\":\"enqueue\",\"command\":" + values[r.nextInt(values.length)] + ",\"priority\":"
                        + values[r.nextInt(values.length)] + ",\"id\":" + values[r.nextInt(values.length)] + "}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 2: {
                String[] ops = {"status", "show", "list", "nope", "", "STATUS", "enqueue_batch", "config_set", "logs"};
                return ("{\"op\":\"" + ops[r.nextInt(ops.length)] + "\",\"" + Long.toString(r.nextLong(), 36)
                        + "\":" + r.nextInt() + "}").getBytes(StandardCharsets.UTF_8);
            }
            case 3: {
                byte[] b = "{\"op\":\"enqueue\",\"command\":\"echo hi\",\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                b[r.nextInt(b.length)] = (byte) (0x80 | r.nextInt(64)); // invalid UTF-8 somewhere
                return strip(b);
            }
            case 4: {
                int depth = 1 + r.nextInt(200);
                return ("{\"op\":\"status\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            default:
                return ("{\"op\":\"config_set\",\"key\":\"workers\",\"value\":" + (r.nextBoolean() ? "\"" + r.nextInt() + "\""
                        : "[" + r.nextInt() + "]") + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] strip(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                b[i] = ' ';
            }
        }
        return b;
    }

    @Test
    void hundredMegabytesWithoutANewlineAreDiscardedInBoundedMemory() throws Exception {
        Runtime rt = Runtime.getRuntime();
        try (RawClient c = daemon.connect()) {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            long peak = 0;
            for (int i = 0; i < 100; i++) {
                c.sendRaw(chunk);
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
            }
            c.sendRaw("\n{\"op\":\"status\"}\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("REQUEST_TOO_LARGE", RawClient.errorCode(c.response()));
            assertNotNull(c.ok("{\"op\":\"status\"}").get("jobs"), "the connection is usable after the newline");
            assertNotNull(c.response(), "and the status sent right after the newline is answered too");
            Figures.report("100 MB without a newline", "discarded; one REQUEST_TOO_LARGE; heap in use peaked at "
                    + peak / (1 << 20) + " MiB (daemon and test share the JVM)");
            assertTrue(peak < 400L << 20, "the daemon did not buffer the line: " + peak);
        }
    }

    @Test
    void aClientThatNeverReadsIsThrottledNotBuffered() throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(daemon.socket()));
            ch.configureBlocking(false);
            byte[] request = "{\"op\":\"list\",\"limit\":100}\n".getBytes(StandardCharsets.UTF_8);
            AtomicLong sent = new AtomicLong();
            ByteBuffer buf = ByteBuffer.allocate(request.length * 1024);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long lastProgress = System.nanoTime();
            // Keep writing without ever reading. If the daemon read and answered everything, its
            // answers would pile up without bound; instead it stops reading and our writes stall.
            while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < Duration.ofSeconds(2).toNanos()) {
                if (!buf.hasRemaining() || buf.position() == 0) {
                    buf.clear();
                    while (buf.remaining() >= request.length) {
                        buf.put(request);
                    }
                    buf.flip();
                }
                int n = ch.write(buf);
                if (n > 0) {
                    sent.addAndGet(n);
                    lastProgress = System.nanoTime();
                } else {
                    Thread.onSpinWait();
                }
            }
            long requests = sent.get() / request.length;
            assertTrue(System.nanoTime() < deadline, "writes stalled: the daemon stopped reading (" + requests + " sent)");
            assertTrue(requests < 1_000_000, "bounded: " + requests);
            Figures.report("client that never reads", "writes stalled after " + requests
                    + " pipelined requests; the daemon paused reading instead of buffering answers");
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefusedAndTheLimitRecovers() throws Exception {
        List<SocketChannel> idle = new ArrayList<>();
        try {
            while (idle.size() < MAX_CONNECTIONS - 1) {
                SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket()));
                idle.add(ch);
            }
            try (RawClient last = daemon.connect()) {
                assertNotNull(last.ok("{\"op\":\"status\"}"), "the last allowed connection works");
                try (RawClient extra = daemon.connect()) {
                    Map<String, Object> r = extra.response();
                    assertEquals("UNAVAILABLE", RawClient.errorCode(r));
                    assertTrue(RawClient.errorMessage(r).contains("too many connections (the limit is " + MAX_CONNECTIONS));
                    assertEquals(null, extra.readLine(), "and then closed");
                }
            }
        } finally {
            for (SocketChannel ch : idle) {
                ch.close();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (RawClient c = daemon.connect()) {
                return Boolean.TRUE.equals(c.call("{\"op\":\"status\"}").get("ok"));
            }
        });
        Figures.report("idle connections", MAX_CONNECTIONS + " open at once (the configured max-connections), the next"
                + " refused with UNAVAILABLE, new connections accepted once they closed");
    }

    @Test
    void clientsThatDisconnectMidRequestLeaveNothingBehind() throws Exception {
        long before = jobs();
        for (int i = 0; i < 200; i++) {
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket()))) {
                String half = "{\"op\":\"enqueue\",\"id\":\"half" + i + "\",\"command\":\"tru";
                ch.write(ByteBuffer.wrap(half.getBytes(StandardCharsets.UTF_8)));
            }
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket()))) {
                // a complete request, gone before the answer: it may be applied, but only whole
                ch.write(ByteBuffer.wrap(("{\"op\":\"enqueue\",\"id\":\"gone" + i + "\",\"command\":\"true\"}\n")
                        .getBytes(StandardCharsets.UTF_8)));
            }
            if ((i + 1) % 16 == 0 || i == 199) {
                // A whole line that reached the socket is applied even though nobody waits for the
                // answer. Waiting for each group also keeps this test's own connections, each open
                // until its commit, below the daemon's max-connections.
                long applied = i + 1;
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(applied, jobs() - before));
            }
        }
        try (RawClient c = daemon.connect()) {
            for (int i = 0; i < 200; i++) {
                assertEquals("NOT_FOUND", RawClient.errorCode(c.call("{\"op\":\"show\",\"id\":\"half" + i + "\"}")));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals("true", c.ok("{\"op\":\"show\",\"id\":\"gone" + i + "\"}").get("command"));
            }
            Figures.report("disconnect mid-request", "200 half-sent requests never applied; 200 whole requests whose"
                    + " client left before the answer were applied whole");
        }
    }

    @Test
    void invalidUtf8NulBytesAndDeepNestingAreRefusedOnTheSameConnection() throws IOException {
        try (RawClient c = daemon.connect()) {
            c.sendRaw(new byte[] {'{', '"', 'o', 'p', '"', ':', (byte) 0xFF, (byte) 0xFE, '}', '\n'});
            assertEquals("MALFORMED_REQUEST", RawClient.errorCode(c.response()));
            c.sendRaw("{\"op\":\"status\"\0}\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("MALFORMED_REQUEST", RawClient.errorCode(c.response()));
            c.send("{\"op\":\"status\",\"x\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}");
            assertEquals("MALFORMED_REQUEST", RawClient.errorCode(c.response()));
            c.send("{\"op\":\"show\",\"id\":42}");
            assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.response()));
            assertTrue(Json.toString(c.ok("{\"op\":\"status\"}")).contains("jobs"));
        }
    }
}

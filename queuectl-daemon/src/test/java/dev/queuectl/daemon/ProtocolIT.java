package dev.queuectl.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire protocol as any local program speaks it: plain JSON lines over the socket. */
class ProtocolIT {
    private static TestDaemon daemon;

    @BeforeAll
    static void start() {
        daemon = TestDaemon.start(s -> s.withMaxRequestBytes(4096));
        try (RawClient c = daemon.connect()) {
            c.ok("{\"op\":\"worker_stop\"}"); // these tests look at the store; jobs stay pending
        }
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(RawClient c) {
        return (Map<String, Object>) c.ok("{\"op\":\"status\"}").get("jobs");
    }

    @Test
    void aRawSocketClientEnqueuesAndReadsStatus() {
        try (RawClient c = daemon.connect()) {
            long before = (Long) counts(c).get("pending");
            Map<String, Object> job = c.ok("{\"op\":\"enqueue\",\"id\":\"raw-1\",\"command\":\"echo hi\",\"priority\":3}");
            assertEquals("raw-1", job.get("id"));
            assertEquals("pending", job.get("state"));
            assertEquals(3L, job.get("priority"));
            assertEquals(3L, job.get("max_retries"), "the configured default applies");
            Map<String, Object> status = c.ok("{\"op\":\"status\"}");
            assertEquals(before + 1, ((Map<?, ?>) status.get("jobs")).get("pending"));
            assertEquals((long) dev.queuectl.protocol.ProtocolVersion.CURRENT, status.get("protocol"));
            assertEquals(daemon.daemon().node(), status.get("node"), "the node id, kept in the data dir");
            assertEquals("sqlite", status.get("store"));
            assertEquals(ProcessHandle.current().pid(), status.get("pid"));
            assertEquals(daemon.socket().toString(), status.get("socket"));
            Map<?, ?> jobs = (Map<?, ?>) status.get("jobs");
            assertEquals(List.of("pending", "processing", "completed", "failed", "dead"), List.copyOf(jobs.keySet()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "malformed JSON        | {\"op\":\"enqueue\",                                    | MALFORMED_REQUEST",
        "not an object         | [\"enqueue\"]                                          | MALFORMED_REQUEST",
        "a bare string         | `\"status\"`                                           | MALFORMED_REQUEST",
        "missing op            | {\"command\":\"true\"}                                 | UNKNOWN_OP",
        "unknown op            | {\"op\":\"explode\"}                                   | UNKNOWN_OP",
        "missing command       | {\"op\":\"enqueue\",\"id\":\"m1\"}                      | INVALID_ARGUMENT",
        "empty command         | {\"op\":\"enqueue\",\"command\":\"\"}                   | INVALID_ARGUMENT",
        "unknown field         | {\"op\":\"enqueue\",\"command\":\"true\",\"retries\":2} | INVALID_ARGUMENT",
        "wrong type            | {\"op\":\"enqueue\",\"command\":\"true\",\"priority\":\"high\"} | INVALID_ARGUMENT",
        "command not a string  | {\"op\":\"enqueue\",\"command\":[\"ls\"]}              | INVALID_ARGUMENT",
        "illegal id characters | {\"op\":\"enqueue\",\"command\":\"true\",\"id\":\"a/b\"} | INVALID_ARGUMENT",
        "id with a space       | {\"op\":\"enqueue\",\"command\":\"true\",\"id\":\"a b\"} | INVALID_ARGUMENT",
        "unparsable run_at     | {\"op\":\"enqueue\",\"command\":\"true\",\"run_at\":\"next tuesday\"} | INVALID_ARGUMENT",
        "negative max_retries  | {\"op\":\"enqueue\",\"command\":\"true\",\"max_retries\":-1} | INVALID_ARGUMENT",
        "bad list state        | {\"op\":\"list\",\"state\":\"sleeping\"}               | INVALID_ARGUMENT",
        "unknown config key    | {\"op\":\"config_set\",\"key\":\"colour\",\"value\":\"red\"} | INVALID_ARGUMENT",
        "invalid config value  | {\"op\":\"config_set\",\"key\":\"max_retries\",\"value\":\"many\"} | INVALID_ARGUMENT",
        "out of range config   | {\"op\":\"config_set\",\"key\":\"workers\",\"value\":0} | INVALID_ARGUMENT",
    })
    void badInputIsRefusedClearlyAndChangesNothing(String name, String line, String code) {
        try (RawClient c = daemon.connect()) {
            Map<String, Object> before = counts(c);
            Map<String, Object> config = c.ok("{\"op\":\"config_get\"}");
            Map<String, Object> r = c.call(line.strip());
            assertEquals(code, RawClient.errorCode(r), () -> name + ": " + r);
            assertTrue(RawClient.errorMessage(r).length() > 10, "a message a person can act on");
            assertEquals(before, counts(c), "nothing was enqueued");
            assertEquals(config, c.ok("{\"op\":\"config_get\"}"), "no setting changed");
        }
    }

    @Test
    void anIdLongerThan128CharactersIsRefused() {
        try (RawClient c = daemon.connect()) {
            String id = "x".repeat(129);
            Map<String, Object> r = c.call("{\"op\":\"enqueue\",\"command\":\"true\",\"id\":\"" + id + "\"}");
            assertEquals("INVALID_ARGUMENT", RawClient.errorCode(r));
            assertTrue(RawClient.errorMessage(r).contains("1 to 128 characters"));
            assertEquals("NOT_FOUND", RawClient.errorCode(c.call("{\"op\":\"show\",\"id\":\"" + "x".repeat(128) + "\"}")));
        }
    }

    @Test
    void invalidUtf8AndNulBytesAreRefusedAndTheConnectionStaysUsable() {
        try (RawClient c = daemon.connect()) {
            c.sendRaw(new byte[] {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
            assertEquals("MALFORMED_REQUEST", RawClient.errorCode(c.response()));
            c.sendRaw("{\"op\":\"enqueue\",\"command\":\"a\0b\"}\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("MALFORMED_REQUEST", RawClient.errorCode(c.response()));
            c.send("{\"op\":\"enqueue\",\"command\":\"a\\u0000b\"}");
            assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.response()));
            assertNotNull(c.ok("{\"op\":\"status\"}").get("jobs"));
        }
    }

    @Test
    void aDuplicateIdIsAnErrorAndTheOriginalIsUntouched() {
        try (RawClient c = daemon.connect()) {
            Map<String, Object> original = c.ok("{\"op\":\"enqueue\",\"id\":\"dup\",\"command\":\"echo first\",\"priority\":1}");
            Map<String, Object> r = c.call("{\"op\":\"enqueue\",\"id\":\"dup\",\"command\":\"echo second\",\"priority\":9}");
            assertEquals("DUPLICATE_ID", RawClient.errorCode(r));
            assertTrue(RawClient.errorMessage(r).contains("'dup' already exists"));
            Map<String, Object> shown = c.ok("{\"op\":\"show\",\"id\":\"dup\"}");
            assertEquals("echo first", shown.get("command"));
            assertEquals(1L, shown.get("priority"));
            assertEquals(original.get("created_at"), shown.get("created_at"));
            assertEquals(original.get("updated_at"), shown.get("updated_at"));
        }
    }

    @Test
    void aLineOverTheSizeLimitIsRefusedAndTheConnectionStaysUsable() {
        try (RawClient c = daemon.connect()) {
            c.send("{\"op\":\"enqueue\",\"command\":\"" + "x".repeat(10_000) + "\"}");
            Map<String, Object> r = c.response();
            assertEquals("REQUEST_TOO_LARGE", RawClient.errorCode(r));
            assertTrue(RawClient.errorMessage(r).contains("4096"));
            assertNotNull(c.ok("{\"op\":\"status\"}"));
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWithTheirCorrelationValues() {
        try (RawClient c = daemon.connect()) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                if (i % 3 == 0) {
                    lines.append("{\"op\":\"enqueue\",\"command\":\"true\",\"id\":\"pipe-").append(i).append("\",\"req\":").append(i).append("}\n");
                } else if (i % 3 == 1) {
                    lines.append("{\"op\":\"show\",\"id\":\"pipe-").append(i - 1).append("\",\"req\":").append(i).append("}\n");
                } else {
                    lines.append("{\"op\":\"nope\",\"req\":\"r").append(i).append("\"}\n");
                }
            }
            c.sendRaw(lines.toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 60; i++) {
                Map<String, Object> r = c.response();
                if (i % 3 == 2) {
                    assertEquals("r" + i, r.get("req"));
                    assertEquals("UNKNOWN_OP", RawClient.errorCode(r));
                } else {
                    assertEquals((long) i, r.get("req"));
                    assertEquals(Boolean.TRUE, r.get("ok"), "a show sees the enqueue before it: " + r);
                }
            }
        }
    }

    @Test
    void aClientThatStopsSendingStillGetsEveryAnswer() {
        try (RawClient c = daemon.connect()) {
            c.send("{\"op\":\"enqueue\",\"command\":\"true\",\"id\":\"half-1\"}");
            c.send("{\"op\":\"show\",\"id\":\"half-1\"}");
            c.shutdownOutput();
            assertEquals(Boolean.TRUE, c.response().get("ok"));
            assertEquals(Boolean.TRUE, c.response().get("ok"));
            assertEquals(null, c.readLine(), "then the daemon closes the connection");
        }
    }

    @Test
    void aBatchIsStoredWhollyOrNotAtAll() {
        try (RawClient c = daemon.connect()) {
            c.ok("{\"op\":\"enqueue\",\"id\":\"batch-taken\",\"command\":\"true\"}");
            Map<String, Object> before = counts(c);
            Map<String, Object> r = c.call("{\"op\":\"enqueue_batch\",\"jobs\":[{\"id\":\"batch-a\",\"command\":\"true\"},"
                    + "{\"id\":\"batch-taken\",\"command\":\"true\"},{\"id\":\"batch-c\",\"command\":\"true\"}]}");
            assertEquals("DUPLICATE_ID", RawClient.errorCode(r));
            assertTrue(RawClient.errorMessage(r).startsWith("jobs[1]:"), RawClient.errorMessage(r));
            assertEquals(before, counts(c));
            assertEquals("NOT_FOUND", RawClient.errorCode(c.call("{\"op\":\"show\",\"id\":\"batch-a\"}")));
            Map<String, Object> ok = c.ok("{\"op\":\"enqueue_batch\",\"jobs\":[{\"id\":\"batch-a\",\"command\":\"true\"},"
                    + "{\"command\":\"true\"}]}");
            assertEquals(2L, ok.get("count"));
            assertEquals("batch-a", ((List<?>) ok.get("ids")).get(0));
        }
    }

    @Test
    void configChangesAreValidatedAndReported() {
        try (RawClient c = daemon.connect()) {
            Map<String, Object> set = c.ok("{\"op\":\"config_set\",\"key\":\"backoff-max\",\"value\":\"90s\"}");
            assertEquals("backoff_max", set.get("key"));
            assertEquals(90L, set.get("value"));
            assertEquals("1m30s", set.get("text"));
            Map<String, Object> get = c.ok("{\"op\":\"config_get\",\"key\":\"BACKOFF_MAX\"}");
            assertEquals(90L, ((Map<?, ?>) ((List<?>) get.get("config")).get(0)).get("value"));
            Map<String, Object> none = c.ok("{\"op\":\"config_set\",\"key\":\"job_timeout\",\"value\":\"none\"}");
            assertEquals(null, none.get("value"));
            c.ok("{\"op\":\"config_set\",\"key\":\"backoff_max\",\"value\":3600}");
        }
    }
}

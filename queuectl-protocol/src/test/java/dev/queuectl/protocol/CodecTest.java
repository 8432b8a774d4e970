package dev.queuectl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.protocol.request.ConfigSetRequest;
import dev.queuectl.protocol.request.EnqueueBatchRequest;
import dev.queuectl.protocol.request.EnqueueRequest;
import dev.queuectl.protocol.request.ListRequest;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.request.ShowRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodecTest {

    private static Codec.Decoded decode(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return Codec.decodeRequest(b, 0, b.length);
    }

    private static Codec.DecodeException refused(String line) {
        return assertThrows(Codec.DecodeException.class, () -> decode(line));
    }

    @Test
    void enqueueRoundTripsEveryField() {
        JobSpec spec = new JobSpec("job1", "sleep 2", 2, 5, Instant.parse("2026-11-23T10:00:00Z"), null,
                Duration.ofSeconds(30));
        byte[] line = Codec.encodeRequest(new EnqueueRequest(spec), 7L);
        assertEquals("{\"op\":\"enqueue\",\"req\":7,\"id\":\"job1\",\"command\":\"sleep 2\",\"max_retries\":2,"
                + "\"priority\":5,\"run_at\":\"2026-11-23T10:00:00Z\",\"timeout\":30}",
                new String(line, StandardCharsets.UTF_8));
        Codec.Decoded d = Codec.decodeRequest(line, 0, line.length);
        assertEquals(7L, d.req());
        assertEquals(new EnqueueRequest(spec), d.request());
    }

    @Test
    void batchRoundTrips() {
        EnqueueBatchRequest batch = new EnqueueBatchRequest(List.of(
                new JobSpec("a", "true", null, null, null, null, null),
                new JobSpec(null, "echo b", null, 3, null, Duration.ofMillis(1500), null)));
        byte[] line = Codec.encodeRequest(batch, "x");
        assertEquals(batch, Codec.decodeRequest(line, 0, line.length).request());
    }

    @Test
    void configValueMayBeANumberOrAString() {
        assertEquals(new ConfigSetRequest("max_retries", "5"),
                decode("{\"op\":\"config_set\",\"key\":\"max_retries\",\"value\":5}").request());
        assertEquals(new ConfigSetRequest("backoff_base", "1.5"),
                decode("{\"op\":\"config_set\",\"key\":\"backoff_base\",\"value\":1.5}").request());
        assertEquals(new ConfigSetRequest("job_timeout", "30s"),
                decode("{\"op\":\"config_set\",\"key\":\"job_timeout\",\"value\":\"30s\"}").request());
    }

    @Test
    void listDefaultsToAHundredOldestFirst() {
        Request r = decode("{\"op\":\"list\",\"state\":\"DEAD\"}").request();
        assertEquals(new ListRequest(JobState.DEAD, 100, false), r);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"op\":\"enqueue\"                                   | INVALID_ARGUMENT | ''",
        "not json                                             | MALFORMED_REQUEST | invalid JSON",
        "[1,2]                                                | MALFORMED_REQUEST | must be a JSON object",
        "\"status\"                                           | MALFORMED_REQUEST | must be a JSON object",
        "{}                                                   | UNKNOWN_OP | missing field 'op'",
        "{\"op\":\"frobnicate\"}                              | UNKNOWN_OP | unknown op 'frobnicate'",
        "{\"op\":42}                                          | UNKNOWN_OP | must be a string",
        "{\"op\":\"enqueue\"}                                 | INVALID_ARGUMENT | 'command' is required",
        "{\"op\":\"enqueue\",\"command\":\"\"}                | INVALID_ARGUMENT | must not be empty",
        "{\"op\":\"enqueue\",\"command\":\"   \"}             | INVALID_ARGUMENT | must not be empty",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"max_retry\":1} | INVALID_ARGUMENT | unknown field 'max_retry'",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"priority\":\"high\"} | INVALID_ARGUMENT | 'priority' must be an integer, not a string",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"priority\":1.5} | INVALID_ARGUMENT | 'priority' must be an integer, not a decimal",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"priority\":99999999999} | INVALID_ARGUMENT | between",
        "{\"op\":\"enqueue\",\"command\":7}                   | INVALID_ARGUMENT | 'command' must be a string, not an integer",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"id\":\"a b\"} | INVALID_ARGUMENT | invalid job id 'a b'",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"id\":\"a;rm -rf /\"} | INVALID_ARGUMENT | invalid job id",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"run_at\":\"tomorrow\"} | INVALID_ARGUMENT | not an ISO-8601 timestamp",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"run_at\":\"2026-11-23T10:00:00\"} | INVALID_ARGUMENT | not an ISO-8601 timestamp",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"timeout\":0}  | INVALID_ARGUMENT | must be from 1ms to 30d, not 0",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"timeout\":\"soon\"} | INVALID_ARGUMENT | not a duration",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"max_retries\":-1} | INVALID_ARGUMENT | between 0 and",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"delay\":5,\"run_at\":\"2026-11-23T10:00:00Z\"} | INVALID_ARGUMENT | not both",
        "{\"op\":\"enqueue\",\"command\":\"x\",\"command\":\"y\"} | MALFORMED_REQUEST | Duplicate field",
        "{\"op\":\"status\",\"verbose\":true}                 | INVALID_ARGUMENT | unknown field 'verbose'",
        "{\"op\":\"list\",\"state\":\"running\"}              | INVALID_ARGUMENT | unknown state 'running'",
        "{\"op\":\"list\",\"limit\":0}                        | INVALID_ARGUMENT | between 1 and",
        "{\"op\":\"show\"}                                    | INVALID_ARGUMENT | 'id' is required",
        "{\"op\":\"enqueue_batch\",\"jobs\":[]}               | INVALID_ARGUMENT | at least one job",
        "{\"op\":\"enqueue_batch\",\"jobs\":[{\"command\":\"a\"},{\"cmd\":\"b\"}]} | INVALID_ARGUMENT | jobs[1]: unknown field 'cmd'",
        "{\"op\":\"enqueue_batch\",\"jobs\":[{\"id\":\"a\",\"command\":\"a\"},{\"id\":\"a\",\"command\":\"b\"}]} | INVALID_ARGUMENT | appears twice",
        "{\"op\":\"config_set\",\"key\":\"workers\",\"value\":true} | INVALID_ARGUMENT | not a boolean",
    })
    void badRequestsAreRefusedWithAReason(String line, ErrorCode code, String fragment) {
        Codec.DecodeException e = refused(line.strip());
        if (!line.strip().endsWith("\"enqueue\"")) {
            assertEquals(code, e.code(), e.getMessage());
        }
        assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void correlationValueIsKeptWhenTheRestIsBad() {
        Codec.DecodeException e = refused("{\"op\":\"nope\",\"req\":\"r1\"}");
        assertEquals("r1", e.req());
        assertNull(refused("{\"op\":\"status\",\"req\":[1]}").req());
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "{\"op\":\"status\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Codec.DecodeException e = refused(deep);
        assertEquals(ErrorCode.MALFORMED_REQUEST, e.code());
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] bad = {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class, () -> Codec.decodeRequest(bad, 0, bad.length));
        assertEquals(ErrorCode.MALFORMED_REQUEST, e.code());
    }

    @Test
    void nulInCommandIsRefused() {
        Codec.DecodeException e = refused("{\"op\":\"enqueue\",\"command\":\"a\\u0000b\"}");
        assertTrue(e.getMessage().contains("NUL"));
    }

    @Test
    void responsesRoundTrip() {
        byte[] ok = Codec.encodeResult(3L, java.util.Map.of("id", "j"));
        Codec.Response r = Codec.decodeResponse(ok, 0, ok.length);
        assertTrue(r.ok());
        assertEquals(3L, r.req());
        byte[] err = Codec.encodeError("q", ErrorCode.DUPLICATE_ID, "job 'j' already exists");
        Codec.Response e = Codec.decodeResponse(err, 0, err.length);
        assertEquals(ErrorCode.DUPLICATE_ID, e.code());
        assertEquals("job 'j' already exists", e.message());
        assertEquals("{\"ok\":false,\"req\":\"q\",\"error\":{\"code\":\"DUPLICATE_ID\",\"message\":\"job 'j' already exists\"}}",
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void showRequestValidatesTheId() {
        assertInstanceOf(ShowRequest.class, decode("{\"op\":\"show\",\"id\":\"a.b:c-d_e\"}").request());
        assertThrows(ProtocolException.class, () -> new ShowRequest("x".repeat(129)));
    }
}

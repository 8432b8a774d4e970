package dev.queuectl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.protocol.request.DrainRequest;
import dev.queuectl.protocol.request.EnqueueRequest;
import dev.queuectl.protocol.request.PruneRequest;
import dev.queuectl.protocol.request.WaitRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every time field is range-checked where it is decoded, with an error naming the field and its range. */
class TimeRulesTest {
    private static Codec.Decoded decode(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return Codec.decodeRequest(b, 0, b.length);
    }

    private static String refused(String line) {
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class, () -> decode(line), line);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e.getMessage());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"op\":\"enqueue\",\"command\":\"true\",\"run_at\":\"2400-01-01T00:00:00Z\"}|field 'run_at' must be from 1970-01-01T00:00:00Z to 2199-12-31T23:59:59.999Z",
        "{\"op\":\"enqueue\",\"command\":\"true\",\"run_at\":\"+300000000-01-01T00:00:00Z\"}|field 'run_at' must be from 1970",
        "{\"op\":\"enqueue\",\"command\":\"true\",\"run_at\":\"-300000000-01-01T00:00:00Z\"}|field 'run_at' must be from 1970",
        "{\"op\":\"enqueue\",\"command\":\"true\",\"run_at\":\"0001-01-01T00:00:00Z\"}|field 'run_at' must be from 1970",
        "{\"op\":\"enqueue\",\"command\":\"true\",\"run_at\":\"+999999999-12-31T23:59:59-18:00\"}|field 'run_at'",
        "{\"op\":\"enqueue\",\"command\":\"true\",\"delay\":\"36501d\"}|field 'delay'",
        "{\"op\":\"enqueue\",\"command\":\"true\",\"delay\":1e400}|field 'delay'",
        "{\"op\":\"enqueue\",\"command\":\"true\",\"delay\":99999999999999999999999}|field 'delay'",
        "{\"op\":\"enqueue\",\"command\":\"true\",\"timeout\":0}|field 'timeout' must be from 1ms to 30d, not 0",
        "{\"op\":\"enqueue\",\"command\":\"true\",\"timeout\":\"31d\"}|field 'timeout' must be from 1ms to 30d",
        "{\"op\":\"enqueue\",\"command\":\"true\",\"timeout\":0.0001}|finer than a millisecond",
        "{\"op\":\"enqueue_batch\",\"jobs\":[{\"command\":\"true\",\"run_at\":\"9999-12-31T23:59:59Z\"}]}|jobs[0]: field 'run_at' must be from",
        "{\"op\":\"wait\",\"id\":\"a\",\"timeout\":\"31d\"}|field 'timeout' must be from 0 to 30d",
        "{\"op\":\"wait\",\"id\":\"a\",\"timeout\":-1}|field 'timeout': a duration cannot be negative",
        "{\"op\":\"drain\",\"timeout\":\"25h\"}|field 'timeout' must be from 0 to 1d",
        "{\"op\":\"prune\",\"completed\":true,\"older_than\":\"3651d\"}|field 'older_than' must be from 0 to 3650d",
        "{\"op\":\"logs\",\"id\":\"a\",\"attempt\":0}|field 'attempt'",
    })
    void outOfRangeTimesAreInvalidArgumentsNamingFieldAndRange(String line, String expected) {
        String message = refused(line);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void theEdgesOfEveryRangeAreAccepted() {
        JobSpec early = ((EnqueueRequest) decode("{\"op\":\"enqueue\",\"command\":\"true\",\"run_at\":\"1970-01-01T00:00:00Z\"}")
                .request()).job();
        assertEquals(Instant.EPOCH, early.runAt());
        JobSpec late = ((EnqueueRequest) decode("{\"op\":\"enqueue\",\"command\":\"true\","
                + "\"run_at\":\"2199-12-31T23:59:59.999Z\"}").request()).job();
        assertEquals(TimeRules.RUN_AT_MAX, late.runAt());
        assertEquals(Durations.MAX, ((EnqueueRequest) decode("{\"op\":\"enqueue\",\"command\":\"true\",\"delay\":\"36500d\"}")
                .request()).job().delay());
        assertEquals(Duration.ZERO, ((WaitRequest) decode("{\"op\":\"wait\",\"id\":\"a\",\"timeout\":0}").request()).timeout());
        assertEquals(Duration.ofHours(24), ((DrainRequest) decode("{\"op\":\"drain\",\"timeout\":\"24h\"}").request()).timeout());
        assertEquals(Duration.ZERO, ((PruneRequest) decode("{\"op\":\"prune\",\"dead\":true,\"older_than\":0}").request())
                .olderThan());
        assertEquals(Duration.ofMillis(1), ((EnqueueRequest) decode("{\"op\":\"enqueue\",\"command\":\"true\",\"timeout\":0.001}")
                .request()).job().timeout());
    }

    @Test
    void requestsBuiltInCodeAreCheckedToo() {
        assertThrows(ProtocolException.class, () -> new WaitRequest("a", Duration.ofDays(31)));
        assertThrows(ProtocolException.class, () -> new DrainRequest(Duration.ofHours(25)));
        assertThrows(ProtocolException.class, () -> new PruneRequest(true, false, Duration.ofDays(3651)));
        assertThrows(ProtocolException.class,
                () -> new JobSpec(null, "true", null, null, Instant.parse("2400-01-01T00:00:00Z"), null, null));
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new JobSpec(null, "true", null, null, null, null, Duration.ZERO));
        assertTrue(e.getMessage().contains("field 'timeout' must be from 1ms to 30d"), e.getMessage());
    }

    @Test
    void noArithmeticOnAcceptedTimesCanOverflow() {
        // The distance between any two accepted instants, and any accepted duration, fit in a long of nanoseconds.
        Duration span = Duration.between(TimeRules.RUN_AT_MIN, TimeRules.RUN_AT_MAX);
        assertTrue(span.toNanos() > 0);
        assertTrue(Durations.MAX.toNanos() > 0);
        for (DurationRule rule : new DurationRule[] {TimeRules.JOB_TIMEOUT, TimeRules.JOB_TIMEOUT_SETTING, TimeRules.DELAY,
                TimeRules.BACKOFF_MAX, TimeRules.RETENTION, TimeRules.PRUNE_AGE, TimeRules.WAIT_TIMEOUT,
                TimeRules.DRAIN_TIMEOUT, TimeRules.KILL_GRACE}) {
            assertTrue(rule.max().compareTo(Durations.MAX) <= 0, rule.range());
        }
        assertEquals(Instant.parse("2199-12-31T23:59:59.999Z"), TimeRules.RUN_AT_MAX);
    }

    @Test
    void aDurationRuleNamesWhatItChecks() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> TimeRules.DELAY.parse("--delay", "soon"));
        assertTrue(e.getMessage().startsWith("--delay: 'soon' is not a duration"), e.getMessage());
        e = assertThrows(ProtocolException.class, () -> TimeRules.DRAIN_TIMEOUT.parse("--drain-timeout", "2d"));
        assertEquals("--drain-timeout must be from 0 to 1d, not 2d", e.getMessage());
        assertEquals(null, TimeRules.RETENTION.parse("keep_dead", "none"));
        assertThrows(ProtocolException.class, () -> TimeRules.DELAY.parse("--delay", "none"));
    }
}

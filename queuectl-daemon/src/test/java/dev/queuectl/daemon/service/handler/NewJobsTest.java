package dev.queuectl.daemon.service.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A delay is turned into a run_at within the one run_at range, however late the clock. */
class NewJobsTest {
    private static final RuntimeConfig DEFAULTS = RuntimeConfig.defaults(2);

    private static JobSpec delayed(Duration delay) {
        return new JobSpec(null, "true", null, null, null, delay, null);
    }

    @Test
    void aDelayBecomesARunAtFromTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertEquals(Instant.parse("2030-01-01T00:05:00Z"),
                NewJobs.resolve(delayed(Duration.ofMinutes(5)), DEFAULTS, clock).runAt());
    }

    @Test
    void aDelayThatWouldPassTheLatestRunAtIsRefusedNotOverflowed() {
        Clock late = Clock.fixed(Instant.parse("2190-01-01T00:00:00Z"), ZoneOffset.UTC);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> NewJobs.resolve(delayed(Duration.ofDays(36_500)), DEFAULTS, late));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("2199-12-31T23:59:59.999Z"), e.getMessage());
    }
}

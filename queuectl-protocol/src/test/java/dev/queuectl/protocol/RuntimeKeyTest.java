package dev.queuectl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RuntimeKeyTest {
    @Test
    void everyKeyHasAMeaningARangeAndADefaultThatItAccepts() {
        for (RuntimeKey k : RuntimeKey.values()) {
            assertTrue(k.meaning().endsWith("."), k.key());
            assertTrue(k.description().contains("(" + k.range() + ")"), k.description());
            if (k != RuntimeKey.WORKERS) {
                k.parse(k.defaultText());
            }
        }
        assertEquals("max_retries, backoff_base, backoff_max, job_timeout, workers, keep_completed, keep_dead",
                RuntimeKey.names());
    }

    @Test
    void durationKeysFollowTheDurationRules() {
        assertEquals(Duration.ofMillis(1), RuntimeKey.JOB_TIMEOUT.parse("1ms"));
        assertNull(RuntimeKey.JOB_TIMEOUT.parse("none"));
        ProtocolException zero = assertThrows(ProtocolException.class, () -> RuntimeKey.JOB_TIMEOUT.parse("0"));
        assertTrue(zero.getMessage().contains("invalid value '0' for job_timeout: expected a duration from 1ms to 30d,"
                + " or none (0 is not \"no limit\": write none)"), zero.getMessage());
        assertEquals(Duration.ofDays(30), RuntimeKey.BACKOFF_MAX.parse("30d"));
        assertThrows(ProtocolException.class, () -> RuntimeKey.BACKOFF_MAX.parse("30d1ms"));
        assertThrows(ProtocolException.class, () -> RuntimeKey.KEEP_DEAD.parse("3651d"));
        assertThrows(ProtocolException.class, () -> RuntimeKey.KEEP_DEAD.parse("0.5ms"));
    }

    @Test
    void keysAreFoundWithDashesOrUnderscores() {
        assertEquals(RuntimeKey.KEEP_COMPLETED, RuntimeKey.lookup("Keep-Completed"));
        ProtocolException e = assertThrows(ProtocolException.class, () -> RuntimeKey.lookup("colour"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }
}

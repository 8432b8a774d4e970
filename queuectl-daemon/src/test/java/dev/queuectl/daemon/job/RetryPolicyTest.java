package dev.queuectl.daemon.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void delayIsBaseToThePowerOfTheFailureCount() {
        assertEquals(Duration.ofSeconds(2), RetryPolicy.delay(2, HOUR, 1));
        assertEquals(Duration.ofSeconds(4), RetryPolicy.delay(2, HOUR, 2));
        assertEquals(Duration.ofSeconds(8), RetryPolicy.delay(2, HOUR, 3));
        assertEquals(Duration.ofMillis(2250), RetryPolicy.delay(1.5, HOUR, 2));
        assertEquals(Duration.ofSeconds(1), RetryPolicy.delay(1, HOUR, 50));
    }

    @Test
    void withBaseTwoAndThreeRetriesAJobRunsAtZeroTwoSixAndFourteenSeconds() {
        Instant t = clock.instant();
        Instant second = RetryPolicy.nextRun(t, 2, HOUR, 1);
        Instant third = RetryPolicy.nextRun(second, 2, HOUR, 2);
        Instant fourth = RetryPolicy.nextRun(third, 2, HOUR, 3);
        assertEquals(t.plusSeconds(2), second);
        assertEquals(t.plusSeconds(6), third);
        assertEquals(t.plusSeconds(14), fourth);
        assertTrue(RetryPolicy.mayRetry(3, 3), "the third failure still has its retry");
        assertFalse(RetryPolicy.mayRetry(4, 3), "the fourth failure is final: dead");
    }

    @Test
    void theDelayIsCappedAtBackoffMax() {
        assertEquals(Duration.ofSeconds(60), RetryPolicy.delay(2, Duration.ofSeconds(60), 6));
        assertEquals(Duration.ofSeconds(32), RetryPolicy.delay(2, Duration.ofSeconds(60), 5));
        assertEquals(clock.instant().plusSeconds(60), RetryPolicy.nextRun(clock.instant(), 10, Duration.ofSeconds(60), 2));
    }

    @Test
    void hugeAttemptNumbersSaturateInsteadOfOverflowing() {
        assertEquals(HOUR, RetryPolicy.delay(2, HOUR, 1_000));
        assertEquals(HOUR, RetryPolicy.delay(1000, HOUR, Integer.MAX_VALUE));
        assertEquals(Duration.ofDays(30), RetryPolicy.delay(1000, Duration.ofDays(30), 10_000));
        assertEquals(clock.instant().plus(HOUR), RetryPolicy.nextRun(clock.instant(), 2, HOUR, Integer.MAX_VALUE));
    }
}

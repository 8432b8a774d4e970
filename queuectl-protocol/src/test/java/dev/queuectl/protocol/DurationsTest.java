package dev.queuectl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesSecondsAndUnits() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5"));
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofDays(2), Durations.parse("2d"));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5x"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("99999999999999d"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("1".repeat(400)));
    }

    @Test
    void theSmallestUnitIsTheMillisecondAndFinerValuesAreRefusedNotRounded() {
        assertEquals(Duration.ofMillis(1100), Durations.parse("1.1"));
        assertEquals(Duration.ofMillis(1), Durations.parse("0.001"));
        assertEquals(Duration.ofMillis(1), Durations.parse("1ms"));
        assertEquals(Duration.ofMillis(300), Durations.ofSeconds(0.3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("0.0004"));
        assertTrue(e.getMessage().contains("finer than a millisecond"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("1.5ms"));
        assertThrows(IllegalArgumentException.class, () -> Durations.ofSeconds(0.0001));
    }

    @Test
    void zeroIsAZeroDurationInEveryForm() {
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertEquals(Duration.ZERO, Durations.parse("0s"));
        assertEquals(Duration.ZERO, Durations.ofSeconds(0L));
        assertEquals(Duration.ZERO, Durations.ofSeconds(0.0));
    }

    @Test
    void theLongestDurationIsMaxInEveryForm() {
        assertEquals(Durations.MAX, Durations.parse("36500d"));
        assertEquals(Durations.MAX, Durations.ofSeconds(36_500L * 86_400));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("36500d1ms"));
        assertThrows(IllegalArgumentException.class, () -> Durations.ofSeconds(36_500L * 86_400 + 1));
        assertThrows(IllegalArgumentException.class, () -> Durations.ofSeconds(Double.POSITIVE_INFINITY));
        // Deadline arithmetic on any accepted duration stays inside a long of nanoseconds.
        assertEquals(Durations.MAX.toMillis() * 1_000_000L, Durations.MAX.toNanos());
    }

    @Test
    void textIsExactAndParsesBackToTheSameValue() {
        for (long ms : new long[] {0, 1, 250, 1000, 1500, 90_000, 5_415_000, 90_061_001, Durations.MAX.toMillis()}) {
            Duration d = Duration.ofMillis(ms);
            assertEquals(d, Durations.parse(Durations.text(d)), Durations.text(d));
        }
        assertEquals("1h30m15s", Durations.text(Duration.ofSeconds(5415)));
        assertEquals("1.5s", Durations.text(Duration.ofMillis(1500)));
        assertEquals("1d1h1m1.001s", Durations.text(Duration.ofMillis(90_061_001)));
    }

    @Test
    void formatsCompactly() {
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
        assertEquals("1.5s", Durations.format(Duration.ofMillis(1500)));
        assertEquals("45s", Durations.format(Duration.ofSeconds(45)));
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("1h", Durations.format(Duration.ofHours(1)));
        assertEquals("2d3h", Durations.format(Duration.ofHours(51)));
    }
}

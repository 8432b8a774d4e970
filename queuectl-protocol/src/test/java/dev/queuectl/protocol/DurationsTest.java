package dev.queuectl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

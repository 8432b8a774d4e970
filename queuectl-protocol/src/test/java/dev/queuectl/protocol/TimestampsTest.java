package dev.queuectl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void formatsLikeIsoInstantAtMillisecondPrecision() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong() % 253_402_300_799_000L).plusNanos(random.nextInt(999_999));
            if (t.isBefore(Instant.parse("1000-01-01T00:00:00Z"))) {
                t = t.plusSeconds(40_000_000_000L);
            }
            String expected = DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
            assertEquals(expected, Timestamps.format(t));
            assertEquals(t.truncatedTo(ChronoUnit.MILLIS), Timestamps.parse(expected));
        }
    }

    @Test
    void acceptsOffsetsAndRefusesNonsense() {
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), Timestamps.parse("2026-11-23T10:00:00+01:00"));
        assertEquals(Instant.parse("2026-11-23T10:00:00.500Z"), Timestamps.parse("2026-11-23T10:00:00.5Z"));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("2026-11-23T10:00:00"));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("2026-13-23T10:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("2026-02-30T10:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("tomorrow"));
    }
}

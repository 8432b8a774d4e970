package dev.queuectl.daemon.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When schedules fire: cron with nicknames and crontab's day rule, zones, and intervals. */
class ScheduleTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOON = Instant.parse("2026-11-30T11:10:00Z"); // 12:10 in Berlin, a Monday

    @Test
    void nicknamesAreTheUsualExpressions() {
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), ScheduleTimes.cron("@daily", BERLIN).next(NOON));
        assertEquals(Instant.parse("2026-11-30T12:00:00Z"), ScheduleTimes.cron("@hourly", BERLIN).next(NOON));
        assertEquals(Instant.parse("2026-12-05T23:00:00Z"), ScheduleTimes.cron("@weekly", BERLIN).next(NOON));
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), ScheduleTimes.cron("@monthly", BERLIN).next(NOON));
    }

    @Test
    void dayOfMonthAndDayOfWeekMatchEitherAsInCrontab() {
        // the 1st or the 15th, or any Sunday: the next is Tuesday 1 December
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), ScheduleTimes.cron("0 0 1,15 * 0", BERLIN).next(NOON));
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), ScheduleTimes.cron("0 9 * * 1-5", BERLIN)
                .next(Instant.parse("2026-11-30T08:00:00Z")));
    }

    @Test
    void theLatestFireTimeAtOrBeforeAnInstant() {
        ScheduleTimes hourly = ScheduleTimes.cron("0 * * * *", BERLIN);
        assertEquals(Optional.of(Instant.parse("2026-11-30T11:00:00Z")), hourly.latest(NOON));
        assertEquals(Optional.of(Instant.parse("2026-11-30T11:00:00Z")), hourly.latest(Instant.parse("2026-11-30T11:00:00Z")));
        ScheduleTimes every = ScheduleTimes.every(Duration.ofMinutes(10), Instant.parse("2026-11-30T10:00:00.700Z"));
        assertEquals(Instant.parse("2026-11-30T10:10:00Z"), every.next(Instant.parse("2026-11-30T10:00:00.700Z")));
        assertEquals(Optional.of(Instant.parse("2026-11-30T11:10:00Z")), every.latest(NOON));
        assertEquals(Instant.parse("2026-11-30T11:20:00Z"), every.next(NOON));
        assertTrue(every.latest(Instant.parse("2026-11-30T09:00:00Z")).isEmpty());
    }

    @Test
    void badExpressionsZonesAndIntervalsSayWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScheduleTimes.cron("0 3 * * * *", BERLIN));
        assertTrue(e.getMessage().contains("expect one of [5]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScheduleTimes.cron("61 * * * *", BERLIN));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScheduleTimes.zone("Mars/Olympus")).getMessage()
                .contains("unknown time zone"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleTimes.every(Duration.ofMillis(1500), NOON));
    }
}

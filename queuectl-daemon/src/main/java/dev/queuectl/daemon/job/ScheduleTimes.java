package dev.queuectl.daemon.job;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a schedule fires: a standard 5-field cron expression (or {@code @hourly}, {@code @daily},
 * {@code @weekly}, {@code @monthly}, {@code @yearly}) in a time zone, or a fixed interval. Cron
 * expressions are parsed and evaluated by cron-utils with its Unix crontab rules (day of month
 * and day of week match either, as in cron), so daylight saving time follows cron-utils: a local
 * time that a spring change skips does not fire that day, and one that an autumn change repeats
 * fires once, at its first occurrence. Intervals count from the schedule's start, in whole
 * seconds. Fire times are whole seconds. Immutable and thread-safe.
 */
public final class ScheduleTimes {
    /** Unix crontab (5 fields, day of week 0-7) with the usual nicknames; cron-utils' UNIX type has none. */
    private static final CronDefinition UNIX_WITH_NICKNAMES = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
            .withMonth().withValidRange(1, 12).withStrictRange().and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).withStrictRange().and()
            .withSupportedNicknameHourly().withSupportedNicknameDaily().withSupportedNicknameMidnight()
            .withSupportedNicknameWeekly().withSupportedNicknameMonthly().withSupportedNicknameYearly()
            .withSupportedNicknameAnnually()
            .instance();
    private static final CronParser PARSER = new CronParser(UNIX_WITH_NICKNAMES);
    /** The shortest interval: firings are named by the second. */
    public static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);

    private final ExecutionTime cron;
    private final ZoneId zone;
    private final Duration every;
    private final Instant origin;

    private ScheduleTimes(ExecutionTime cron, ZoneId zone, Duration every, Instant origin) {
        this.cron = cron;
        this.zone = zone;
        this.every = every;
        this.origin = origin;
    }

    /** A cron expression in {@code zone}; IllegalArgumentException says what is wrong with it. */
    public static ScheduleTimes cron(String expression, ZoneId zone) {
        Cron parsed;
        try {
            parsed = PARSER.parse(expression.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a cron expression: " + e.getMessage(), e);
        }
        return new ScheduleTimes(ExecutionTime.forCron(parsed), zone, null, null);
    }

    /** A zone by its IANA name (Europe/Berlin) or offset; IllegalArgumentException for an unknown one. */
    public static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + name + "' (use a name such as Europe/Berlin)", e);
        }
    }

    /** Every {@code interval} (whole seconds, at least one) counted from {@code origin}. */
    public static ScheduleTimes every(Duration interval, Instant origin) {
        if (interval.compareTo(SHORTEST_INTERVAL) < 0 || interval.getNano() != 0) {
            throw new IllegalArgumentException("an interval is whole seconds, at least 1s, not " + interval);
        }
        return new ScheduleTimes(null, null, interval, origin.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The first fire time strictly after {@code t}. */
    public Instant next(Instant t) {
        if (every != null) {
            if (t.isBefore(origin)) {
                return origin;
            }
            long n = Duration.between(origin, t).toMillis() / every.toMillis() + 1;
            return origin.plus(every.multipliedBy(n));
        }
        Optional<ZonedDateTime> next = cron.nextExecution(t.atZone(zone));
        return next.map(z -> z.toInstant().truncatedTo(ChronoUnit.SECONDS)).orElse(Instant.MAX);
    }

    /** The latest fire time at or before {@code t}, if there is one. */
    public Optional<Instant> latest(Instant t) {
        if (every != null) {
            if (t.isBefore(origin)) {
                return Optional.empty();
            }
            long n = Duration.between(origin, t).toMillis() / every.toMillis();
            return Optional.of(origin.plus(every.multipliedBy(n)));
        }
        Instant probe = t.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        return cron.lastExecution(probe.atZone(zone)).map(z -> z.toInstant().truncatedTo(ChronoUnit.SECONDS))
                .filter(i -> !i.isAfter(t));
    }
}

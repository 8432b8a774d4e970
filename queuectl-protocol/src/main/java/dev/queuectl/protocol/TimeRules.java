package dev.queuectl.protocol;

import java.time.Duration;
import java.time.Instant;

/**
 * The range of every time value queuectl accepts, in one place: the README's table of durations
 * is this class. The ranges are chosen so that no arithmetic on an accepted value can overflow:
 * every duration's nanoseconds fit in a {@code long}, and so does the distance between any two
 * accepted instants ({@link #RUN_AT_MIN} to {@link #RUN_AT_MAX} spans 230 years; a {@code long}
 * of nanoseconds spans 292), so {@code now + delay}, {@code run_at - now} and
 * {@code nanoTime + timeout} are all safe. Stateless and thread-safe.
 */
public final class TimeRules {
    /** A job's time limit: {@code timeout} on the wire and {@code enqueue --timeout}. 0 is refused. */
    public static final DurationRule JOB_TIMEOUT = new DurationRule(Duration.ofMillis(1), Duration.ofDays(30), false);
    /** The {@code job_timeout} setting: a job's time limit, or none. */
    public static final DurationRule JOB_TIMEOUT_SETTING = new DurationRule(Duration.ofMillis(1), Duration.ofDays(30),
            true);
    /** {@code delay}: 0 means now. */
    public static final DurationRule DELAY = new DurationRule(Duration.ZERO, Durations.MAX, false);
    /** {@code backoff_max}: the longest wait between retries. */
    public static final DurationRule BACKOFF_MAX = new DurationRule(Duration.ofSeconds(1), Duration.ofDays(30), false);
    /** {@code keep_completed}, {@code keep_dead}: how long finished jobs are kept, or none (forever). */
    public static final DurationRule RETENTION = new DurationRule(Duration.ofMinutes(1), Duration.ofDays(3650), true);
    /** {@code prune --older-than}, {@code older_than}: 0 means every finished job. */
    public static final DurationRule PRUNE_AGE = new DurationRule(Duration.ZERO, Duration.ofDays(3650), false);
    /** {@code wait --timeout}: 0 checks once without waiting; without a timeout, wait has no limit. */
    public static final DurationRule WAIT_TIMEOUT = new DurationRule(Duration.ZERO, Duration.ofDays(30), false);
    /** {@code drain --timeout} and the daemon's {@code drain-timeout}: 0 stops running jobs at once. */
    public static final DurationRule DRAIN_TIMEOUT = new DurationRule(Duration.ZERO, Duration.ofHours(24), false);
    /** The daemon's {@code kill-grace}: time between SIGTERM and SIGKILL. */
    public static final DurationRule KILL_GRACE = new DurationRule(Duration.ofMillis(100), Duration.ofMinutes(10),
            false);
    /** The daemon's lease on a shared (PostgreSQL) store. */
    public static final DurationRule LEASE = new DurationRule(Duration.ofSeconds(3), Duration.ofMinutes(10), false);
    /** How often a daemon on a shared store looks for changes no notification announced. */
    public static final DurationRule STORE_POLL = new DurationRule(Duration.ofMillis(100), Duration.ofMinutes(1),
            false);

    /** The earliest {@code run_at}: 1970-01-01T00:00:00Z. An earlier time is refused, a past one runs now. */
    public static final Instant RUN_AT_MIN = Instant.EPOCH;
    /** The latest {@code run_at}: 2199-12-31T23:59:59.999Z. */
    public static final Instant RUN_AT_MAX = Instant.ofEpochMilli(7_258_118_399_999L);
    /** The run_at range as help texts and errors write it. */
    public static final String RUN_AT_RANGE = "1970-01-01T00:00:00Z to 2199-12-31T23:59:59.999Z";

    private TimeRules() {
    }

    /**
     * Checks a {@code run_at}; {@code what} names it as the user gave it ({@code --run-at},
     * {@code field 'run_at'}). INVALID_ARGUMENT when it is outside {@link #RUN_AT_RANGE}.
     */
    public static Instant checkRunAt(String what, Instant t) {
        if (t.isBefore(RUN_AT_MIN) || t.isAfter(RUN_AT_MAX)) {
            throw ProtocolException.invalid(what + " must be from " + RUN_AT_RANGE + ", not " + t);
        }
        return t;
    }
}

package dev.queuectl.protocol;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A schedule to create: its name, when it fires (a 5-field cron expression or {@code @hourly},
 * {@code @daily}, {@code @weekly}, {@code @monthly} in {@code tz}, or {@code every} interval), the
 * job each firing enqueues (a {@link JobSpec} without id, times or dependencies), and its rules:
 * {@code catchUpOne} (after downtime, one catch-up firing; else none) and {@code overlapSkip}
 * (skip a firing while the previous one's job has not finished; else enqueue it all the same).
 * The cron expression itself is checked by the daemon. Validated on construction; immutable.
 *
 * @param tz the cron expression's time zone (IANA name), or null for the daemon's zone
 */
public record ScheduleSpec(String name, String cron, String tz, Duration every, JobSpec job, boolean catchUpOne,
                           boolean overlapSkip) {
    /** Schedule names: the id alphabet without {@code @} (which separates a firing's time), 1 to 64 characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    public static final DurationRule EVERY = new DurationRule(Duration.ofSeconds(1), Durations.MAX, false);

    public ScheduleSpec {
        checkName("field 'name'", name);
        if ((cron == null) == (every == null)) {
            throw ProtocolException.invalid("give a schedule either 'cron' or 'every'");
        }
        if (tz != null && cron == null) {
            throw ProtocolException.invalid("'tz' goes with 'cron'; an interval needs no time zone");
        }
        if (every != null) {
            EVERY.check("field 'every'", every);
            if (every.getNano() != 0) {
                throw ProtocolException.invalid("field 'every' must be whole seconds");
            }
        }
        if (job == null) {
            throw ProtocolException.invalid("field 'job' is required: the job each firing enqueues");
        }
        if (job.id() != null || job.runAt() != null || job.delay() != null || !job.after().isEmpty()) {
            throw ProtocolException.invalid("a schedule's job takes no id, run_at, delay or after: each firing is"
                    + " named NAME@<fire time> and due at once");
        }
    }

    /** Checks a schedule's name. */
    public static String checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProtocolException.invalid(what + ": invalid schedule name '" + name
                    + "': use 1 to 64 characters from A-Z a-z 0-9 . _ : -");
        }
        return name;
    }

    public static ScheduleSpec fromJson(Fields f) {
        String name = f.optString("name");
        String cron = f.optString("cron");
        String tz = f.optString("tz");
        Duration every = f.optDuration("every", EVERY);
        Fields job = f.optObject("job");
        String catchUp = f.optString("catch_up");
        String overlap = f.optString("overlap");
        JobSpec spec = job == null ? null : JobSpec.fromJson(job);
        return new ScheduleSpec(name, cron, tz, every, spec, choice("catch_up", catchUp, "one", "none"),
                choice("overlap", overlap, "skip", "queue"));
    }

    /** True for {@code yes} (or absent), false for {@code no}. */
    private static boolean choice(String field, String value, String yes, String no) {
        if (value == null || value.equals(yes)) {
            return true;
        }
        if (value.equals(no)) {
            return false;
        }
        throw ProtocolException.invalid("field '" + field + "' must be " + yes + " or " + no + ", not '" + value + "'");
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (cron != null) {
            m.put("cron", cron);
        }
        if (tz != null) {
            m.put("tz", tz);
        }
        if (every != null) {
            m.put("every", Durations.toWire(every));
        }
        m.put("job", job.toJson());
        m.put("catch_up", catchUpOne ? "one" : "none");
        m.put("overlap", overlapSkip ? "skip" : "queue");
        return m;
    }
}

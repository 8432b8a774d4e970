package dev.queuectl.protocol;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Settings to give a queue ({@code queue_add}, {@code queue_set}); a null field is left as it is.
 * {@code reset} names settings to set back to their defaults: no concurrency limit but the pool,
 * the configured {@code max_retries} and {@code job_timeout}. Validated on construction; immutable.
 *
 * @param concurrency jobs of the queue running at once at most, 1 to {@value #MAX_CONCURRENCY}
 * @param maxRetries  max_retries of jobs enqueued into it without their own
 * @param timeout     timeout of jobs enqueued into it without their own
 */
public record QueueSettings(Integer concurrency, Integer maxRetries, Duration timeout, Set<Setting> reset) {
    public static final int MAX_CONCURRENCY = 10_000;
    public static final QueueSettings NONE = new QueueSettings(null, null, null, null);

    /** A queue setting that {@code reset} can name. */
    public enum Setting {
        CONCURRENCY, MAX_RETRIES, TIMEOUT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Setting parse(String name) {
            for (Setting s : values()) {
                if (s.wireName().equals(name)) {
                    return s;
                }
            }
            throw ProtocolException.invalid("field 'reset': unknown queue setting '" + name
                    + "'; known: concurrency, max_retries, timeout");
        }
    }

    public QueueSettings {
        reset = reset == null || reset.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reset));
        if (concurrency != null && (concurrency < 1 || concurrency > MAX_CONCURRENCY)) {
            throw ProtocolException.invalid("a queue's concurrency must be from 1 to " + MAX_CONCURRENCY + ", not "
                    + concurrency + " (reset it for no limit but the pool)");
        }
        if (maxRetries != null) {
            JobSpec.checkMaxRetries("a queue's max_retries", maxRetries);
        }
        if (timeout != null) {
            TimeRules.JOB_TIMEOUT.check("a queue's timeout", timeout);
        }
        if (concurrency != null && reset.contains(Setting.CONCURRENCY)
                || maxRetries != null && reset.contains(Setting.MAX_RETRIES)
                || timeout != null && reset.contains(Setting.TIMEOUT)) {
            throw ProtocolException.invalid("a queue setting cannot be given and reset at once");
        }
    }

    /** Reads the settings' fields from {@code f} (the request itself). */
    public static QueueSettings fromJson(Fields f) {
        Integer concurrency = f.optInt("concurrency", 1, MAX_CONCURRENCY);
        Integer maxRetries = f.optInt("max_retries", 0, JobSpec.MAX_RETRIES_LIMIT);
        Duration timeout = f.optDuration("timeout", TimeRules.JOB_TIMEOUT);
        List<String> names = f.optOneOrMore("reset");
        Set<Setting> reset = EnumSet.noneOf(Setting.class);
        if (names != null) {
            for (String n : names) {
                reset.add(Setting.parse(n));
            }
        }
        return new QueueSettings(concurrency, maxRetries, timeout, reset);
    }

    /** The fields as they go on the wire; unset ones are left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (concurrency != null) {
            m.put("concurrency", concurrency);
        }
        if (maxRetries != null) {
            m.put("max_retries", maxRetries);
        }
        if (timeout != null) {
            m.put("timeout", Durations.toWire(timeout));
        }
        if (!reset.isEmpty()) {
            List<String> names = new java.util.ArrayList<>();
            for (Setting s : Setting.values()) {
                if (reset.contains(s)) {
                    names.add(s.wireName());
                }
            }
            m.put("reset", names);
        }
        return m;
    }
}

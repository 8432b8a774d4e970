package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.json.JsonWritable;
import dev.queuectl.protocol.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A queue as the daemon reports it. {@code concurrency} null: no limit but the pool;
 * {@code maxRetries} and {@code timeout} null: the configured defaults. {@code jobs} counts its
 * jobs per state (zeros included); {@code oldestDue} is the earliest run_at of its jobs that are
 * due and not running (null: none), so a client can tell how long the oldest has waited.
 */
public record QueueView(String name, Integer concurrency, boolean paused, Integer maxRetries, Duration timeout,
                        Map<JobState, Long> jobs, Instant oldestDue) implements JsonWritable {

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (JobState s : JobState.values()) {
            counts.put(s.wireName(), jobs.getOrDefault(s, 0L));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("concurrency", concurrency);
        m.put("paused", paused);
        m.put("max_retries", maxRetries);
        m.put("timeout", timeout == null ? null : Durations.toWire(timeout));
        m.put("jobs", counts);
        m.put("oldest_due", Timestamps.format(oldestDue));
        return m;
    }

    public static QueueView fromJson(Object json) {
        Fields f = Fields.of(json, "queue");
        Fields jobs = f.optObject("jobs");
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            Long n = jobs == null ? null : jobs.optLong(s.wireName(), 0, Long.MAX_VALUE);
            counts.put(s, n == null ? 0L : n);
        }
        return new QueueView(f.optString("name"), f.optInt("concurrency", 0, Integer.MAX_VALUE),
                f.optBoolean("paused", false), f.optInt("max_retries", 0, Integer.MAX_VALUE),
                f.optDuration("timeout"), counts, f.optInstant("oldest_due"));
    }
}

package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.json.JsonWritable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schedule as the daemon reports it: its rule ({@code cron} in {@code tz}, or {@code every}),
 * the job each firing enqueues ({@code job}: command, queue, priority, max_retries, timeout, cwd,
 * env_names, labels; env values never), its rules, and where it stands: {@code nextFire} (while
 * paused: when it would fire), the last fire time handled and what it came to
 * ({@code fired}, {@code caught_up}, {@code missed}, {@code skipped}, {@code run}), the latest
 * firing's job and its state (null once deleted), and how many firings were skipped for overlap
 * or missed after downtime.
 */
public record ScheduleView(String name, String cron, String tz, Duration every, Map<String, Object> job,
                           String catchUp, String overlap, boolean paused, Instant nextFire, Instant lastFire,
                           String lastOutcome, String lastJob, JobState lastJobState, long skipped, long missed)
        implements JsonWritable {

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("cron", cron);
        m.put("tz", tz);
        m.put("every", every == null ? null : Durations.toWire(every));
        m.put("job", job);
        m.put("catch_up", catchUp);
        m.put("overlap", overlap);
        m.put("paused", paused);
        m.put("next_fire", Timestamps.format(nextFire));
        m.put("last_fire", Timestamps.format(lastFire));
        m.put("last_outcome", lastOutcome);
        m.put("last_job", lastJob);
        m.put("last_job_state", lastJobState == null ? null : lastJobState.wireName());
        m.put("skipped", skipped);
        m.put("missed", missed);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static ScheduleView fromJson(Object json) {
        Fields f = Fields.of(json, "schedule");
        Object job = f.optRaw("job");
        String state = f.optString("last_job_state");
        Long skipped = f.optLong("skipped", 0, Long.MAX_VALUE);
        Long missed = f.optLong("missed", 0, Long.MAX_VALUE);
        return new ScheduleView(f.optString("name"), f.optString("cron"), f.optString("tz"), f.optDuration("every"),
                job instanceof Map ? (Map<String, Object>) job : Map.of(), f.optString("catch_up"),
                f.optString("overlap"), f.optBoolean("paused", false), f.optInstant("next_fire"),
                f.optInstant("last_fire"), f.optString("last_outcome"), f.optString("last_job"),
                state == null ? null : JobState.parse(state), skipped == null ? 0 : skipped, missed == null ? 0 : missed);
    }

    /** Schedules by name: the answer of {@code schedule_list}. */
    public static Map<String, Object> listJson(List<ScheduleView> schedules) {
        List<Object> list = new java.util.ArrayList<>(schedules.size());
        for (ScheduleView s : schedules) {
            list.add(s.toJson());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schedules", list);
        return m;
    }

    public static List<ScheduleView> listFromJson(Object json) {
        List<ScheduleView> out = new java.util.ArrayList<>();
        List<?> raw = Fields.of(json, "result").optList("schedules");
        if (raw != null) {
            for (Object o : raw) {
                out.add(fromJson(o));
            }
        }
        return out;
    }
}

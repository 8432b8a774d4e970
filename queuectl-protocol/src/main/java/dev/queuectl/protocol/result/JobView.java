package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.json.JsonWritable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job as the daemon reports it. {@code history} is filled by {@code show} only and is null
 * in lists. {@code timeout} is null when the job uses the configured {@code job_timeout};
 * {@code cwd} when it runs in the daemon user's home. {@code envNames} lists its variables;
 * {@code env} holds their values only when asked for ({@code show --show-env}), else it is null.
 * {@code whyWaiting} says why a pending or failed job is not running, null in other states.
 */
public record JobView(String id, String command, JobState state, int attempts, int maxRetries, int priority,
                      Instant runAt, Duration timeout, Instant createdAt, Instant updatedAt, Instant startedAt,
                      Instant finishedAt, Integer exitCode, String lastError, List<AttemptView> history,
                      String cwd, List<String> envNames, Map<String, String> env, Map<String, String> labels,
                      boolean held, WhyWaiting whyWaiting)
        implements JsonWritable {

    public JobView {
        envNames = envNames == null ? List.of() : List.copyOf(envNames);
        labels = labels == null ? Map.of() : labels;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("command", command);
        m.put("state", state.wireName());
        m.put("attempts", attempts);
        m.put("max_retries", maxRetries);
        m.put("priority", priority);
        m.put("run_at", Timestamps.format(runAt));
        m.put("timeout", Durations.toWire(timeout));
        m.put("created_at", Timestamps.format(createdAt));
        m.put("updated_at", Timestamps.format(updatedAt));
        m.put("started_at", Timestamps.format(startedAt));
        m.put("finished_at", Timestamps.format(finishedAt));
        m.put("exit_code", exitCode);
        m.put("last_error", lastError);
        m.put("cwd", cwd);
        m.put("env_names", envNames);
        if (env != null) {
            m.put("env", env);
        }
        m.put("labels", labels);
        m.put("held", held);
        m.put("why_waiting", whyWaiting == null ? null : whyWaiting.toJson());
        if (history != null) {
            List<Object> h = new ArrayList<>(history.size());
            for (AttemptView a : history) {
                h.add(a.toJson());
            }
            m.put("history", h);
        }
        return m;
    }

    public static JobView fromJson(Object json) {
        Fields f = Fields.of(json, "job");
        List<?> rawHistory = f.optList("history");
        List<AttemptView> history = null;
        if (rawHistory != null) {
            history = new ArrayList<>(rawHistory.size());
            for (Object o : rawHistory) {
                history.add(AttemptView.fromJson(o));
            }
        }
        return new JobView(f.optString("id"), f.optString("command"), JobState.parse(f.requireString("state")),
                f.optInt("attempts", 0, Integer.MAX_VALUE), f.optInt("max_retries", 0, Integer.MAX_VALUE),
                f.optInt("priority", Integer.MIN_VALUE, Integer.MAX_VALUE), f.optInstant("run_at"),
                f.optDuration("timeout"), f.optInstant("created_at"), f.optInstant("updated_at"),
                f.optInstant("started_at"), f.optInstant("finished_at"),
                f.optInt("exit_code", Integer.MIN_VALUE, Integer.MAX_VALUE), f.optString("last_error"), history,
                f.optString("cwd"), f.optStringList("env_names"), f.optStringMap("env"), f.optStringMap("labels"),
                f.optBoolean("held", false), WhyWaiting.fromJson(f.optRaw("why_waiting")));
    }

    @Override
    public String toString() {
        return "JobView[id=" + id + ", state=" + state + ", attempts=" + attempts + "]";
    }
}

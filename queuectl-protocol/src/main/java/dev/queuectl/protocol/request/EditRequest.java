package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.EnvVars;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.Labels;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.TimeRules;
import dev.queuectl.protocol.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes a pending or failed job (held or not) in one step; a job in any other state is refused
 * with INVALID_STATE and nothing changes. Every field is optional, but at least one change must
 * be asked for. {@code labels} and {@code env} add or replace entries, {@code unset_labels} and
 * {@code unset_env} remove them; {@code unset} may name {@code timeout} (back to the configured
 * job_timeout) and {@code cwd} (back to the daemon user's home). Answered with the job.
 */
public record EditRequest(String id, String command, Integer priority, Instant runAt, Duration delay,
                          Duration timeout, Integer maxRetries, String cwd, Map<String, String> labels,
                          List<String> unsetLabels, Map<String, String> env, List<String> unsetEnv,
                          Set<String> unset) implements Request {
    /** The fields {@code unset} may name. */
    public static final Set<String> UNSETTABLE = Set.of("timeout", "cwd");

    public EditRequest {
        JobSpec.validateId(id);
        labels = labels == null ? Map.of() : labels;
        env = env == null ? Map.of() : env;
        unsetLabels = unsetLabels == null ? List.of() : List.copyOf(unsetLabels);
        unsetEnv = unsetEnv == null ? List.of() : List.copyOf(unsetEnv);
        unset = unset == null ? Set.of() : Set.copyOf(unset);
        // checks of the new values come from the job spec, so an edit accepts exactly what enqueue does
        new JobSpec(null, command == null ? "true" : command, maxRetries, priority, runAt, delay, timeout, cwd, env,
                labels);
        for (String k : unsetLabels) {
            Labels.checkKey("field 'unset_labels'", k);
        }
        for (String n : unsetEnv) {
            EnvVars.checkName("field 'unset_env'", n);
        }
        for (String u : unset) {
            if (!UNSETTABLE.contains(u)) {
                throw ProtocolException.invalid("field 'unset' may name timeout and cwd, not '" + u + "'");
            }
        }
        if (unset.contains("timeout") && timeout != null || unset.contains("cwd") && cwd != null) {
            throw ProtocolException.invalid("a field cannot be both given and unset");
        }
        if (command == null && priority == null && runAt == null && delay == null && timeout == null
                && maxRetries == null && cwd == null && labels.isEmpty() && unsetLabels.isEmpty() && env.isEmpty()
                && unsetEnv.isEmpty() && unset.isEmpty()) {
            throw ProtocolException.invalid("edit needs at least one change (command, priority, run_at, delay,"
                    + " timeout, max_retries, cwd, labels, env, or an unset)");
        }
    }

    static EditRequest fromJson(Fields f) {
        List<String> unset = f.optStringList("unset");
        return new EditRequest(f.requireString("id"), f.optString("command"),
                f.optInt("priority", Integer.MIN_VALUE, Integer.MAX_VALUE), f.optInstant("run_at"),
                f.optDuration("delay", TimeRules.DELAY), f.optDuration("timeout", TimeRules.JOB_TIMEOUT),
                f.optInt("max_retries", 0, JobSpec.MAX_RETRIES_LIMIT),
                f.optString("cwd"), f.optStringMap("labels"), f.optStringList("unset_labels"), f.optStringMap("env"),
                f.optStringList("unset_env"), unset == null ? null : Set.copyOf(unset));
    }

    @Override
    public Op op() {
        return Op.EDIT;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (command != null) {
            m.put("command", command);
        }
        if (priority != null) {
            m.put("priority", priority);
        }
        if (runAt != null) {
            m.put("run_at", Timestamps.format(runAt));
        }
        if (delay != null) {
            m.put("delay", Durations.toWire(delay));
        }
        if (timeout != null) {
            m.put("timeout", Durations.toWire(timeout));
        }
        if (maxRetries != null) {
            m.put("max_retries", maxRetries);
        }
        if (cwd != null) {
            m.put("cwd", cwd);
        }
        if (!labels.isEmpty()) {
            m.put("labels", labels);
        }
        if (!unsetLabels.isEmpty()) {
            m.put("unset_labels", unsetLabels);
        }
        if (!env.isEmpty()) {
            m.put("env", env);
        }
        if (!unsetEnv.isEmpty()) {
            m.put("unset_env", unsetEnv);
        }
        if (!unset.isEmpty()) {
            m.put("unset", List.copyOf(new java.util.TreeSet<>(unset)));
        }
        return m;
    }

    @Override
    public String toString() {
        return "EditRequest[" + id + "]"; // never the environment
    }
}

package dev.queuectl.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a client asks to enqueue. Only {@code command} is required; unset fields take the
 * daemon's defaults ({@code max_retries} from its configuration, priority 0, run now, the
 * configured {@code job_timeout}). Validated on construction, so a JobSpec that exists is
 * well-formed: the client checks a whole file with it before sending anything.
 *
 * @param id         user-given id, or null to let the daemon generate one
 * @param command    the shell command, run as {@code /bin/sh -c COMMAND}
 * @param maxRetries retries after the first run, or null for the configured default
 * @param priority   higher runs first, or null for 0
 * @param runAt      earliest start, or null; within {@link TimeRules#RUN_AT_RANGE}
 * @param delay      earliest start relative to enqueue time, or null; excludes {@code runAt};
 *                   within {@link TimeRules#DELAY}
 * @param timeout    per-run limit, or null for the configured {@code job_timeout}; within
 *                   {@link TimeRules#JOB_TIMEOUT}
 * @param cwd        absolute working directory, or null for the daemon user's home directory
 * @param env        variables added to the daemon's environment for the job (never null; may hold secrets)
 * @param labels     {@code key=value} pairs to filter and act on jobs by (never null)
 */
public record JobSpec(String id, String command, Integer maxRetries, Integer priority, Instant runAt,
                      Duration delay, Duration timeout, String cwd, Map<String, String> env,
                      Map<String, String> labels) {

    public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Linux refuses a single exec argument longer than this (MAX_ARG_STRLEN minus the NUL). */
    public static final int MAX_COMMAND_BYTES = 131_071;
    public static final int MAX_RETRIES_LIMIT = 1_000;
    /** Linux's PATH_MAX, the longest path a working directory may have. */
    public static final int MAX_CWD_BYTES = 4_096;

    /** A job of the first protocol versions: no working directory, environment or labels. */
    public JobSpec(String id, String command, Integer maxRetries, Integer priority, Instant runAt, Duration delay,
                   Duration timeout) {
        this(id, command, maxRetries, priority, runAt, delay, timeout, null, null, null);
    }

    public JobSpec {
        if (id != null) {
            validateId(id);
        }
        if (command == null) {
            throw ProtocolException.invalid("field 'command' is required");
        }
        checkCommand("field 'command'", command);
        if (maxRetries != null) {
            checkMaxRetries("field 'max_retries'", maxRetries);
        }
        if (runAt != null && delay != null) {
            throw ProtocolException.invalid("give either 'run_at' or 'delay', not both");
        }
        if (runAt != null) {
            TimeRules.checkRunAt("field 'run_at'", runAt);
        }
        if (delay != null) {
            TimeRules.DELAY.check("field 'delay'", delay);
        }
        if (timeout != null) {
            TimeRules.JOB_TIMEOUT.check("field 'timeout'", timeout);
        }
        if (cwd != null) {
            checkCwd("field 'cwd'", cwd);
        }
        env = EnvVars.check("field 'env'", env);
        labels = Labels.check("field 'labels'", labels);
    }

    /** Checks a working directory: an absolute path without NUL, at most {@value #MAX_CWD_BYTES} bytes. */
    public static void checkCwd(String what, String cwd) {
        if (!cwd.startsWith("/")) {
            throw ProtocolException.invalid(what + " must be an absolute path (starting with /)");
        }
        if (cwd.indexOf('\0') >= 0) {
            throw ProtocolException.invalid(what + " must not contain NUL characters");
        }
        if (cwd.length() > MAX_CWD_BYTES / 3 && cwd.getBytes(StandardCharsets.UTF_8).length > MAX_CWD_BYTES) {
            throw ProtocolException.invalid(what + " is longer than " + MAX_CWD_BYTES + " bytes");
        }
    }

    /** Checks a command: not empty, no NUL, short enough for exec; {@code what} names it as the user gave it. */
    public static void checkCommand(String what, String command) {
        if (command.isBlank()) {
            throw ProtocolException.invalid(what + " must not be empty");
        }
        if (command.indexOf('\0') >= 0) {
            throw ProtocolException.invalid(what + " must not contain NUL characters");
        }
        if (command.length() > MAX_COMMAND_BYTES / 3
                && command.getBytes(StandardCharsets.UTF_8).length > MAX_COMMAND_BYTES) {
            throw ProtocolException.invalid(what + " is longer than " + MAX_COMMAND_BYTES
                    + " bytes, the most a shell command line can hold; put the script in a file and run that");
        }
    }

    /** Checks a max_retries value; {@code what} names it as the user gave it. */
    public static int checkMaxRetries(String what, int maxRetries) {
        if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
            throw ProtocolException.invalid(what + " must be from 0 to " + MAX_RETRIES_LIMIT + ", not " + maxRetries);
        }
        return maxRetries;
    }

    /** Checks a job id: 1 to 128 characters from {@code A-Z a-z 0-9 . _ : -}. */
    public static void validateId(String id) {
        if (!ID_PATTERN.matcher(id).matches()) {
            String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
            throw ProtocolException.invalid("invalid job id '" + shown
                    + "': use 1 to 128 characters from A-Z a-z 0-9 . _ : -");
        }
    }

    /** Reads a job from its JSON fields; unknown fields are refused before anything else is checked. */
    public static JobSpec fromJson(Fields f) {
        String id = f.optString("id");
        String command = f.optString("command");
        Integer maxRetries = f.optInt("max_retries", 0, MAX_RETRIES_LIMIT);
        Integer priority = f.optInt("priority", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Instant runAt = f.optInstant("run_at");
        Duration delay = f.optDuration("delay", TimeRules.DELAY);
        Duration timeout = f.optDuration("timeout", TimeRules.JOB_TIMEOUT);
        String cwd = f.optString("cwd");
        Map<String, String> env = f.optStringMap("env");
        Map<String, String> labels = f.optStringMap("labels");
        f.finish();
        return new JobSpec(id, command, maxRetries, priority, runAt, delay, timeout, cwd, env, labels);
    }

    /** The fields as they go on the wire; unset fields are left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        m.put("command", command);
        if (maxRetries != null) {
            m.put("max_retries", maxRetries);
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
        if (cwd != null) {
            m.put("cwd", cwd);
        }
        if (!env.isEmpty()) {
            m.put("env", env);
        }
        if (!labels.isEmpty()) {
            m.put("labels", labels);
        }
        return m;
    }

    @Override
    public String toString() {
        // never the environment: its values may be secrets
        return "JobSpec[id=" + id + ", " + command.length() + " chars, " + env.size() + " env vars]";
    }
}

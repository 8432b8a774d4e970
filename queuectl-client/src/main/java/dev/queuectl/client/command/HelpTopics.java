package dev.queuectl.client.command;

import dev.queuectl.protocol.DurationRule;
import dev.queuectl.protocol.TimeRules;
import java.util.ArrayList;
import java.util.List;

/** The text of {@code queuectl help durations}, generated from the protocol's {@link TimeRules}. */
final class HelpTopics {
    private HelpTopics() {
    }

    static List<String> durations() {
        List<String> lines = new ArrayList<>();
        lines.add("Durations: one syntax everywhere (flags, JSON fields, settings, queuectld flags).");
        lines.add("  A number of seconds (30, 1.5) or number-unit pairs: 250ms, 90s, 5m, 1h30m, 2d.");
        lines.add("  The smallest unit is 1ms; a finer value is refused, never rounded.");
        lines.add("  0 is always a zero duration, never \"no limit\": the settings that can have no");
        lines.add("  limit take the word none.");
        lines.add("");
        lines.add(String.format("  %-34s %-22s %s", "WHERE", "RANGE", "0 MEANS"));
        row(lines, "enqueue --timeout, timeout", TimeRules.JOB_TIMEOUT, "refused");
        row(lines, "job_timeout (none: no limit)", TimeRules.JOB_TIMEOUT_SETTING, "refused");
        row(lines, "enqueue --delay, delay", TimeRules.DELAY, "run now");
        row(lines, "wait --timeout, timeout", TimeRules.WAIT_TIMEOUT, "check once");
        row(lines, "drain --timeout, drain-timeout", TimeRules.DRAIN_TIMEOUT, "stop jobs at once");
        row(lines, "prune --older-than, older_than", TimeRules.PRUNE_AGE, "all finished jobs");
        row(lines, "backoff_max", TimeRules.BACKOFF_MAX, "refused");
        row(lines, "keep_completed, keep_dead", TimeRules.RETENTION, "refused");
        row(lines, "kill-grace (queuectld)", TimeRules.KILL_GRACE, "refused");
        lines.add("");
        lines.add("Times (enqueue --run-at, run_at): ISO-8601 with a zone, 2026-11-23T10:00:00Z or");
        lines.add("  2026-11-23T11:00:00+01:00 (--run-at also takes a local time, 2026-11-23T11:00),");
        lines.add("  from " + TimeRules.RUN_AT_RANGE + "; a past time runs now.");
        return lines;
    }

    private static void row(List<String> lines, String where, DurationRule rule, String zero) {
        lines.add(String.format("  %-34s %-22s %s", where, rule.range(), zero));
    }
}

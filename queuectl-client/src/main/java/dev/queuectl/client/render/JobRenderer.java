package dev.queuectl.client.render;

import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.WaitReason;
import dev.queuectl.protocol.result.AttemptView;
import dev.queuectl.protocol.result.JobList;
import dev.queuectl.protocol.result.JobView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** Human output for jobs: the detail view of {@code show} and the table of {@code list}. */
public final class JobRenderer {
    private JobRenderer() {
    }

    public static void detail(JobView j, Instant now, PrintWriter out) {
        line(out, "id", j.id());
        line(out, "state", stateSentence(j, now));
        if (j.whyWaiting() != null && j.whyWaiting().kind() != WaitReason.NOT_DUE) {
            line(out, "waiting", j.whyWaiting().message()); // not due: the state line says until when
        }
        line(out, "command", j.command());
        line(out, "directory", j.cwd() == null ? "the daemon user's home" : j.cwd());
        line(out, "env", env(j));
        line(out, "labels", labels(j.labels()));
        line(out, "attempts", j.attempts() + " of at most " + (j.maxRetries() + 1)
                + " (max_retries " + j.maxRetries() + ")");
        line(out, "priority", Integer.toString(j.priority()));
        line(out, "run at", Format.time(j.runAt()));
        line(out, "timeout", j.timeout() == null ? "job_timeout (daemon default)" : Format.duration(j.timeout()));
        line(out, "created", Format.time(j.createdAt()));
        line(out, "updated", Format.time(j.updatedAt()));
        line(out, "started", Format.time(j.startedAt()));
        line(out, "finished", Format.time(j.finishedAt()));
        line(out, "exit code", j.exitCode() == null ? "-" : j.exitCode().toString());
        line(out, "last error", j.lastError() == null ? "-" : j.lastError());
        if (j.history() != null) {
            out.println();
            if (j.history().isEmpty()) {
                out.println("history: no runs yet");
                return;
            }
            out.println("history:");
            Table t = new Table("  #", "STARTED", "DURATION", "OUTCOME", "EXIT", "ERROR");
            for (AttemptView a : j.history()) {
                Duration d = a.startedAt() == null ? null
                        : Duration.between(a.startedAt(), a.finishedAt() != null ? a.finishedAt() : now);
                t.row("  " + a.number(), Format.time(a.startedAt()), Format.duration(d),
                        a.outcome() == null ? "running" : a.outcome(), a.exitCode(), Format.cell(a.error(), 80));
            }
            t.print(out);
        }
    }

    /** Names only, unless the values were asked for (show --show-env): they may be secrets. */
    private static String env(JobView j) {
        if (j.envNames().isEmpty()) {
            return "-";
        }
        if (j.env() == null) {
            return String.join(" ", j.envNames()) + "  (values hidden; --show-env shows them)";
        }
        StringBuilder b = new StringBuilder();
        for (String name : j.envNames()) {
            b.append(b.length() == 0 ? "" : "\n            ").append(name).append('=')
                    .append(Format.cell(j.env().get(name), 200));
        }
        return b.toString();
    }

    static String labels(java.util.Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (java.util.Map.Entry<String, String> e : labels.entrySet()) {
            b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    private static String stateSentence(JobView j, Instant now) {
        if (j.held()) {
            return j.state().wireName() + ", held";
        }
        if (j.state() == JobState.FAILED) {
            return "failed — retry at " + Format.timeRelative(j.runAt(), now);
        }
        if (j.state() == JobState.PENDING && j.runAt() != null && j.runAt().isAfter(now)) {
            return "pending — not before " + Format.timeRelative(j.runAt(), now);
        }
        if (j.state() == JobState.DEAD) {
            return "dead (in the dead-letter queue; `queuectl dlq retry " + j.id() + "` runs it again)";
        }
        return j.state().wireName();
    }

    private static void line(PrintWriter out, String label, String value) {
        String l = label + ":";
        out.println(l + " ".repeat(Math.max(1, 12 - l.length())) + value);
    }

    /** The state, and for a waiting job in a word why it waits: {@code pending (held)}, {@code failed (not due)}. */
    static String stateCell(JobView j) {
        if (j.whyWaiting() == null) {
            return j.state().wireName();
        }
        String why;
        switch (j.whyWaiting().kind()) {
            case HELD: why = "held"; break;
            case NOT_DUE: why = "not due"; break;
            case NO_FREE_WORKER: why = "waiting for worker"; break;
            case WORKERS_STOPPED: why = "workers stopped"; break;
            case SHUTTING_DOWN: why = "shutting down"; break;
            default: why = j.whyWaiting().reason(); break;
        }
        return j.state().wireName() + " (" + why + ")";
    }

    public static void table(JobList list, Instant now, PrintWriter out, String emptyMessage) {
        if (list.jobs().isEmpty()) {
            out.println(emptyMessage);
            return;
        }
        Table t = new Table("ID", "STATE", "ATTEMPTS", "PRIORITY", "RUN AT", "UPDATED", "COMMAND", "LAST ERROR");
        for (JobView j : list.jobs()) {
            t.row(j.id(), stateCell(j), j.attempts() + "/" + (j.maxRetries() + 1), j.priority(),
                    Format.time(j.runAt()), Format.time(j.updatedAt()), Format.cell(j.command(), 40),
                    Format.cell(j.lastError(), 50));
        }
        t.print(out);
        if (list.total() != null && list.total() > list.jobs().size()) {
            out.println("(" + list.jobs().size() + " of " + list.total() + " jobs shown; use --limit to see more)");
        }
    }
}

package dev.queuectl.client.render;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.WaitReason;
import dev.queuectl.protocol.result.AttemptView;
import dev.queuectl.protocol.result.JobList;
import dev.queuectl.protocol.result.JobView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Human output for jobs: the detail view of {@code show} and the table of {@code list}. Every
 * value from the store is escaped ({@link DisplayText#escape}); {@code show} prints values whole,
 * the table cuts long ones to fit.
 */
public final class JobRenderer {
    /**
     * The list table's columns: ID, COMMAND and LAST ERROR may be cut to fit the terminal; UPDATED,
     * then PRIORITY, are left out on a terminal too narrow for all of them (show has every field).
     */
    private static final int ID = 0;
    private static final int PRIORITY = 3;
    private static final int UPDATED = 5;
    private static final int COMMAND = 6;
    private static final int LAST_ERROR = 7;

    private JobRenderer() {
    }

    public static void detail(JobView j, Instant now, Display display, PrintWriter out) {
        line(out, "id", j.id());
        line(out, "state", stateSentence(j, now, display));
        if (j.whyWaiting() != null && j.whyWaiting().kind() != WaitReason.NOT_DUE) {
            line(out, "waiting", j.whyWaiting().message()); // not due: the state line says until when
        }
        line(out, "command", j.command());
        line(out, "directory", j.cwd() == null ? "the daemon user's home" : j.cwd());
        env(j, out);
        line(out, "labels", labels(j.labels()));
        line(out, "attempts", j.attempts() + " of at most " + (j.maxRetries() + 1)
                + " (max_retries " + j.maxRetries() + ")");
        line(out, "priority", Integer.toString(j.priority()));
        line(out, "run at", display.time(j.runAt()));
        line(out, "timeout", j.timeout() == null ? "job_timeout (daemon default)" : Durations.text(j.timeout()));
        line(out, "created", display.time(j.createdAt()));
        line(out, "updated", display.time(j.updatedAt()));
        line(out, "started", display.time(j.startedAt()));
        line(out, "finished", display.time(j.finishedAt()));
        line(out, "exit code", j.exitCode() == null ? "-" : j.exitCode().toString());
        line(out, "last error", j.lastError() == null ? "-" : j.lastError());
        if (j.history() != null) {
            out.println();
            if (j.history().isEmpty()) {
                out.println("history: no runs yet");
                return;
            }
            out.println("history:");
            Table t = new Table("  #", "STARTED", "DURATION", "OUTCOME", "EXIT", "ERROR").limit(5, 80).shrinkable(5);
            for (AttemptView a : j.history()) {
                Duration d = a.startedAt() == null ? null
                        : Duration.between(a.startedAt(), a.finishedAt() != null ? a.finishedAt() : now);
                t.row("  " + a.number(), display.time(a.startedAt()), Format.duration(d),
                        a.outcome() == null ? "running" : a.outcome(), a.exitCode(), a.error());
            }
            t.print(out, display.width());
        }
    }

    /** Names only, unless the values were asked for (show --show-env): they may be secrets. */
    private static void env(JobView j, PrintWriter out) {
        if (j.envNames().isEmpty()) {
            line(out, "env", "-");
        } else if (j.env() == null) {
            line(out, "env", String.join(" ", j.envNames()) + "  (values hidden; --show-env shows them)");
        } else {
            boolean first = true;
            for (String name : j.envNames()) {
                String value = name + "=" + j.env().get(name);
                if (first) {
                    line(out, "env", value);
                    first = false;
                } else {
                    out.println(" ".repeat(12) + DisplayText.escape(value));
                }
            }
        }
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    private static String stateSentence(JobView j, Instant now, Display display) {
        if (j.held()) {
            return j.state().wireName() + ", held";
        }
        if (j.state() == JobState.FAILED) {
            return "failed — retry at " + display.timeRelative(j.runAt(), now);
        }
        if (j.state() == JobState.PENDING && j.runAt() != null && j.runAt().isAfter(now)) {
            return "pending — not before " + display.timeRelative(j.runAt(), now);
        }
        if (j.state() == JobState.DEAD) {
            return "dead (in the dead-letter queue; `queuectl dlq retry " + j.id() + "` runs it again)";
        }
        return j.state().wireName();
    }

    private static void line(PrintWriter out, String label, String value) {
        String l = label + ":";
        out.println(l + " ".repeat(Math.max(1, 12 - l.length())) + DisplayText.escape(value));
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

    public static void table(JobList list, Instant now, Display display, PrintWriter out, String emptyMessage) {
        if (list.jobs().isEmpty()) {
            out.println(emptyMessage);
            return;
        }
        Table t = new Table("ID", "STATE", "ATTEMPTS", "PRIORITY", "RUN AT", "UPDATED", "COMMAND", "LAST ERROR")
                .limit(COMMAND, 40).limit(LAST_ERROR, 50).shrinkable(ID, COMMAND, LAST_ERROR)
                .droppable(UPDATED, PRIORITY);
        for (JobView j : list.jobs()) {
            t.row(j.id(), stateCell(j), j.attempts() + "/" + (j.maxRetries() + 1), j.priority(),
                    display.time(j.runAt()), display.time(j.updatedAt()), j.command(), j.lastError());
        }
        t.print(out, display.width());
        if (list.total() != null && list.total() > list.jobs().size()) {
            out.println("(" + list.jobs().size() + " of " + list.total() + " jobs shown; use --limit to see more)");
        }
    }
}

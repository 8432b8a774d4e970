package dev.queuectl.client.render;

import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.result.BusyWorker;
import dev.queuectl.protocol.result.ContainmentView;
import dev.queuectl.protocol.result.LoopView;
import dev.queuectl.protocol.result.NodeView;
import dev.queuectl.protocol.result.QueueView;
import dev.queuectl.protocol.result.RunStatsView;
import dev.queuectl.protocol.result.StatusView;
import dev.queuectl.protocol.result.WorkersView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** Human output of {@code queuectl status}; every value from the daemon is escaped. */
public final class StatusRenderer {
    private StatusRenderer() {
    }

    private static String seconds(Double s) {
        return s == null ? "-" : Format.seconds(s);
    }

    /** Why a state's jobs wait: "(2 held, 5 not due yet, 3 waiting for a worker)", or "" for none. */
    private static String waiting(StatusView s, JobState state) {
        java.util.Map<String, Long> w = s.waiting().get(state);
        if (w == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        long held = w.getOrDefault("held", 0L);
        long notDue = w.getOrDefault("not_due", 0L);
        long deps = w.getOrDefault("dependencies", 0L);
        long due = w.getOrDefault("due", 0L);
        if (held > 0) {
            b.append(held).append(" held");
        }
        if (deps > 0) {
            b.append(b.length() > 0 ? ", " : "").append(deps).append(" waiting for dependencies");
        }
        if (notDue > 0) {
            b.append(b.length() > 0 ? ", " : "").append(notDue)
                    .append(state == JobState.FAILED ? " retrying later" : " not due yet");
        }
        if (due > 0) {
            String why = s.workers().stopped() ? " due, workers stopped" : " waiting for a worker";
            b.append(b.length() > 0 ? ", " : "").append(due).append(why);
        }
        return b.length() == 0 ? "" : "(" + b + ")";
    }

    public static void print(StatusView s, Display display, PrintWriter out) {
        out.println("queuectld " + DisplayText.escape(s.version()) + " (protocol " + s.protocol() + "), pid " + s.pid()
                + ", up " + Format.seconds(s.uptimeSeconds()));
        if (s.node() != null) {
            out.println("node      " + DisplayText.escape(s.node()));
        }
        out.println("socket    " + DisplayText.escape(s.socket()));
        out.println("data dir  " + DisplayText.escape(s.dataDir()));
        if (s.store() != null) {
            out.println("store     " + DisplayText.escape(s.store()));
        }
        ContainmentView c = s.containment();
        if (c != null) {
            out.println("runs      " + ("cgroup".equals(c.mechanism())
                    ? "each in a cgroup of its own under " + DisplayText.escape(c.cgroup())
                            + " (stopped with cgroup.kill)"
                    : "stopped by process group and QUEUECTL_RUN marker (no cgroups: " + DisplayText.escape(c.reason())
                            + ")"));
        }
        out.println();
        Table jobs = new Table("JOBS", "", "");
        for (JobState state : JobState.values()) {
            jobs.row("  " + state.wireName(), s.counts().getOrDefault(state, 0L), waiting(s, state));
        }
        jobs.print(out);
        queues(s, out);
        out.println();
        RunStatsView stats = s.stats();
        Table runs = new Table("RUNS", "COMPLETED", "FAILED", "MEAN", "P95");
        runs.row("  last minute", stats.lastMinute().completed(), stats.lastMinute().failed(),
                seconds(stats.lastMinute().meanSeconds()), seconds(stats.lastMinute().p95Seconds()));
        runs.row("  last hour", stats.lastHour().completed(), stats.lastHour().failed(),
                seconds(stats.lastHour().meanSeconds()), seconds(stats.lastHour().p95Seconds()));
        runs.print(out);
        out.println();
        if (s.nodes().size() > 1 || s.nodes().size() == 1 && s.nodes().get(0).leaseUntil() != null) {
            Table nodes = new Table("NODES", "HOST", "STATE", "WORKERS", "RUNNING", "LEASE UNTIL");
            for (NodeView n : s.nodes()) {
                nodes.row("  " + DisplayText.escape(n.id()) + (n.id().equals(s.node()) ? " (this)" : ""),
                        DisplayText.escape(n.host()), DisplayText.escape(n.state()), n.workers(), n.running(),
                        n.leaseUntil() == null ? "-" : display.time(n.leaseUntil()));
            }
            nodes.print(out, display.width());
            out.println();
        }
        WorkersView w = s.workers();
        out.println("workers: " + w.configured() + " configured, " + w.busy().size() + " busy"
                + (w.stopped() ? ", stopped (queuectl worker start resumes taking jobs)" : ""));
        if (!w.busy().isEmpty()) {
            Table busy = new Table("  JOB", "ATTEMPT", "RUNNING FOR", "STARTED").shrinkable(0);
            for (BusyWorker b : w.busy()) {
                busy.row("  " + b.jobId(), b.attempt(), Format.seconds(b.runningSeconds()), display.time(b.startedAt()));
            }
            busy.print(out, display.width());
        }
        if (!s.loops().isEmpty()) {
            out.println();
            loops(s, out);
        }
    }

    /**
     * The daemon's long-lived loops: alive, when their last turn ended (or how long the current
     * one runs), errors. "Now" is the daemon's, from the answer, like the loops' times.
     */
    private static void loops(StatusView s, PrintWriter out) {
        Instant now = s.startedAt() == null ? Instant.now()
                : s.startedAt().plusMillis(Math.round(s.uptimeSeconds() * 1000));
        Table loops = new Table("LOOPS", "ALIVE", "LAST TURN", "ERRORS");
        for (LoopView l : s.loops()) {
            String turn = l.busySince() != null && Duration.between(l.busySince(), now).toMillis() >= 1000
                    ? "in a turn for " + Format.duration(Duration.between(l.busySince(), now))
                    : l.lastTurn() == null ? "-" : ago(l.lastTurn(), now);
            loops.row("  " + DisplayText.escape(l.name()), l.alive() ? "yes" : "NO", turn, l.errors());
        }
        loops.print(out);
        for (LoopView l : s.loops()) {
            if (l.lastError() != null) {
                out.println("  " + DisplayText.escape(l.name()) + ", last error: "
                        + DisplayText.fit(DisplayText.escape(l.lastError()), 160));
            }
        }
    }

    /**
     * The queues, when there is more to say than "everything in the default queue": a queue
     * besides it, or a paused or limited one.
     */
    private static void queues(StatusView s, PrintWriter out) {
        boolean plain = s.queues().isEmpty() || s.queues().size() == 1 && s.queues().get(0).name().equals("default")
                && !s.queues().get(0).paused() && s.queues().get(0).concurrency() == null;
        if (plain) {
            return;
        }
        out.println();
        Table t = new Table("QUEUES", "PENDING", "PROCESSING", "LIMIT", "").shrinkable(0);
        for (QueueView q : s.queues()) {
            t.row("  " + DisplayText.escape(q.name()), q.jobs().getOrDefault(JobState.PENDING, 0L),
                    q.jobs().getOrDefault(JobState.PROCESSING, 0L),
                    q.concurrency() == null ? "-" : q.concurrency().toString(), q.paused() ? "paused" : "");
        }
        t.print(out);
    }

    private static String ago(Instant t, Instant now) {
        Duration d = Duration.between(t, now);
        return (d.isNegative() ? "0s" : Format.duration(d)) + " ago";
    }
}

package dev.queuectl.client.render;

import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.result.BusyWorker;
import dev.queuectl.protocol.result.NodeView;
import dev.queuectl.protocol.result.RunStatsView;
import dev.queuectl.protocol.result.StatusView;
import dev.queuectl.protocol.result.WorkersView;
import java.io.PrintWriter;

/** Human output of {@code queuectl status}; every value from the daemon is escaped. */
public final class StatusRenderer {
    private StatusRenderer() {
    }

    private static String seconds(Double s) {
        return s == null ? "-" : Format.seconds(s);
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
        out.println();
        Table jobs = new Table("JOBS", "");
        for (JobState state : JobState.values()) {
            jobs.row("  " + state.wireName(), s.counts().getOrDefault(state, 0L));
        }
        jobs.print(out);
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
    }
}

package dev.queuectl.client.render;

import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.result.BusyWorker;
import dev.queuectl.protocol.result.StatusView;
import dev.queuectl.protocol.result.WorkersView;
import java.io.PrintWriter;

/** Human output of {@code queuectl status}. */
public final class StatusRenderer {
    private StatusRenderer() {
    }

    public static void print(StatusView s, PrintWriter out) {
        out.println("queuectld " + s.version() + " (protocol " + s.protocol() + "), pid " + s.pid()
                + ", up " + Format.seconds(s.uptimeSeconds()));
        out.println("socket    " + s.socket());
        out.println("data dir  " + s.dataDir());
        out.println();
        Table jobs = new Table("JOBS", "");
        for (JobState state : JobState.values()) {
            jobs.row("  " + state.wireName(), s.counts().getOrDefault(state, 0L));
        }
        jobs.print(out);
        out.println();
        WorkersView w = s.workers();
        out.println("workers: " + w.configured() + " configured, " + w.busy().size() + " busy"
                + (w.stopped() ? ", stopped (queuectl worker start resumes taking jobs)" : ""));
        if (!w.busy().isEmpty()) {
            Table busy = new Table("  JOB", "ATTEMPT", "RUNNING FOR", "STARTED");
            for (BusyWorker b : w.busy()) {
                busy.row("  " + b.jobId(), b.attempt(), Format.seconds(b.runningSeconds()), Format.time(b.startedAt()));
            }
            busy.print(out);
        }
    }
}

package dev.queuectl.daemon.service;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.engine.RunningRun;
import dev.queuectl.daemon.job.Attempt;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.store.NodeInfo;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.result.AttemptView;
import dev.queuectl.protocol.result.BusyWorker;
import dev.queuectl.protocol.result.JobView;
import dev.queuectl.protocol.result.NodeView;
import dev.queuectl.protocol.result.WorkersView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns domain records into the protocol's views: the one place where store results become wire types. */
public final class Views {
    private Views() {
    }

    public static JobState state(dev.queuectl.daemon.job.JobState s) {
        return JobState.valueOf(s.name());
    }

    public static dev.queuectl.daemon.job.JobState state(JobState s) {
        return s == null ? null : dev.queuectl.daemon.job.JobState.valueOf(s.name());
    }

    /** A job, with its history when {@code history} is not null. */
    public static JobView job(Job j, List<Attempt> history) {
        List<AttemptView> h = null;
        if (history != null) {
            h = new ArrayList<>(history.size());
            for (Attempt a : history) {
                h.add(attempt(a));
            }
        }
        return new JobView(j.id(), j.command(), state(j.state()), j.attempts(), j.maxRetries(), j.priority(),
                j.runAt(), j.timeout(), j.createdAt(), j.updatedAt(), j.startedAt(), j.finishedAt(), j.exitCode(),
                j.lastError(), h);
    }

    public static List<JobView> jobs(List<Job> jobs) {
        List<JobView> out = new ArrayList<>(jobs.size());
        for (Job j : jobs) {
            out.add(job(j, null));
        }
        return out;
    }

    public static AttemptView attempt(Attempt a) {
        return new AttemptView(a.number(), a.startedAt(), a.finishedAt(),
                a.outcome() == null ? null : a.outcome().key(), a.exitCode(), a.error(), a.node());
    }

    public static Map<JobState, Long> counts(Map<dev.queuectl.daemon.job.JobState, Long> counts) {
        Map<JobState, Long> out = new EnumMap<>(JobState.class);
        counts.forEach((s, n) -> out.put(state(s), n));
        return out;
    }

    /** The pool: its size and switch from the settings, its busy workers from the engine. */
    public static WorkersView workers(RuntimeConfig config, List<RunningRun> running, Instant now) {
        List<BusyWorker> busy = new ArrayList<>(running.size());
        for (RunningRun r : running) {
            busy.add(new BusyWorker(r.jobId(), r.attempt(), r.since(),
                    Duration.between(r.since(), now).toMillis() / 1000.0));
        }
        return new WorkersView(config.workers(), config.workersStopped(), busy);
    }

    /**
     * The nodes sharing the store; this daemon's own entry shows its live workers and runs (the
     * store has what it last reported). A store of one daemon lists this daemon alone.
     */
    public static List<NodeView> nodes(List<NodeInfo> nodes, DaemonIdentity self, int workers, int running) {
        List<NodeView> out = new ArrayList<>();
        for (NodeInfo n : nodes) {
            boolean me = n.id().equals(self.node());
            String state = n.left() ? "left" : n.alive() ? "alive" : "lease expired";
            out.add(new NodeView(n.id(), n.host(), n.pid(), n.version(), state, n.startedAt(), n.leaseUntil(),
                    me ? workers : n.workers(), me ? running : n.busy()));
        }
        return out;
    }
}

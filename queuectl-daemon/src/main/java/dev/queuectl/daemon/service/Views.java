package dev.queuectl.daemon.service;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.engine.RunningRun;
import dev.queuectl.daemon.engine.process.ContainmentInfo;
import dev.queuectl.daemon.health.LoopStatus;
import dev.queuectl.daemon.job.Attempt;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.Queue;
import dev.queuectl.daemon.job.JobTemplate;
import dev.queuectl.daemon.job.Readiness;
import dev.queuectl.daemon.job.Schedule;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.NodeInfo;
import dev.queuectl.protocol.JobFilter;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.result.AttemptView;
import dev.queuectl.protocol.result.BusyWorker;
import dev.queuectl.protocol.result.ContainmentView;
import dev.queuectl.protocol.result.DependencyView;
import dev.queuectl.protocol.result.JobView;
import dev.queuectl.protocol.result.LoopView;
import dev.queuectl.protocol.result.QueueView;
import dev.queuectl.protocol.result.ScheduleView;
import dev.queuectl.protocol.result.NodeView;
import dev.queuectl.protocol.result.WorkersView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
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

    /**
     * A job, with its history when {@code history} is not null, and its environment's values only
     * when {@code showEnv} (they may be secrets; otherwise only the names go out).
     */
    public static JobView job(Job j, List<Attempt> history, PoolState pool, boolean showEnv) {
        return job(j, history, pool, showEnv, null);
    }

    /** A job as {@code show} reports it, with its dependencies and dependents when {@code deps} is not null. */
    public static JobView job(Job j, List<Attempt> history, PoolState pool, boolean showEnv,
                              JobStore.Dependencies deps) {
        List<AttemptView> h = null;
        if (history != null) {
            h = new ArrayList<>(history.size());
            for (Attempt a : history) {
                h.add(attempt(a));
            }
        }
        return new JobView(j.id(), j.command(), state(j.state()), j.attempts(), j.maxRetries(), j.priority(),
                j.runAt(), j.timeout(), j.createdAt(), j.updatedAt(), j.startedAt(), j.finishedAt(), j.exitCode(),
                j.lastError(), h, j.cwd(), new ArrayList<>(j.env().keySet()), showEnv ? j.env() : null, j.labels(),
                j.held(), WaitReasons.of(j, pool), j.queue(), deps == null ? null : refs(deps.dependencies()),
                deps == null ? null : refs(deps.dependents()));
    }

    private static List<DependencyView> refs(List<JobRef> refs) {
        List<DependencyView> out = new ArrayList<>(refs.size());
        for (JobRef r : refs) {
            out.add(new DependencyView(r.id(), state(r.state())));
        }
        return out;
    }

    public static QueueView queue(Queue q) {
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        q.counts().forEach((s, n) -> counts.put(state(s), n));
        return new QueueView(q.name(), q.concurrency(), q.paused(), q.maxRetries(), q.timeout(), counts, q.oldestDue());
    }

    public static ScheduleView schedule(Schedule s) {
        JobTemplate j = s.job();
        Map<String, Object> job = new java.util.LinkedHashMap<>();
        job.put("command", j.command());
        job.put("queue", j.queue());
        job.put("priority", j.priority());
        job.put("max_retries", j.maxRetries());
        job.put("timeout", j.timeoutMs() == null ? null : dev.queuectl.protocol.Durations.toWire(
                Duration.ofMillis(j.timeoutMs())));
        job.put("cwd", j.cwd());
        job.put("env_names", new ArrayList<>(new java.util.TreeSet<>(j.env().keySet())));
        job.put("labels", j.labels());
        return new ScheduleView(s.name(), s.cron(), s.zone(), s.every(), job, s.catchUpOne() ? "one" : "none",
                s.overlapSkip() ? "skip" : "queue", s.paused(), s.nextFire(), s.lastFire(),
                s.lastOutcome() == null ? null : s.lastOutcome().key(), s.lastJob(),
                s.lastJobState() == null ? null : state(s.lastJobState()), s.skipped(), s.missed());
    }

    public static List<ScheduleView> schedules(List<Schedule> all) {
        List<ScheduleView> out = new ArrayList<>(all.size());
        for (Schedule s : all) {
            out.add(schedule(s));
        }
        return out;
    }

    public static List<QueueView> queues(List<Queue> queues) {
        List<QueueView> out = new ArrayList<>(queues.size());
        for (Queue q : queues) {
            out.add(queue(q));
        }
        return out;
    }

    /** A job without its history or environment values. */
    public static JobView job(Job j, PoolState pool) {
        return job(j, null, pool, false);
    }

    public static List<JobView> jobs(List<Job> jobs, PoolState pool) {
        List<JobView> out = new ArrayList<>(jobs.size());
        for (Job j : jobs) {
            out.add(job(j, pool));
        }
        return out;
    }

    /** The domain's criteria for a filter from the wire. */
    public static JobCriteria criteria(JobFilter f) {
        Set<dev.queuectl.daemon.job.JobState> states = new HashSet<>();
        for (JobState s : f.states()) {
            states.add(state(s));
        }
        return new JobCriteria(states, f.labelMatches(), f.search(), f.since(), f.until(), f.queue());
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

    /** Pending and failed jobs by why they wait, as status reports them. */
    public static Map<JobState, Map<String, Long>> waiting(
            Map<dev.queuectl.daemon.job.JobState, Map<Readiness, Long>> waiting) {
        Map<JobState, Map<String, Long>> out = new EnumMap<>(JobState.class);
        waiting.forEach((s, byReadiness) -> {
            Map<String, Long> m = new java.util.LinkedHashMap<>();
            m.put("held", byReadiness.getOrDefault(Readiness.HELD, 0L));
            m.put("dependencies", byReadiness.getOrDefault(Readiness.DEPENDENCIES, 0L));
            m.put("not_due", byReadiness.getOrDefault(Readiness.NOT_DUE, 0L));
            m.put("due", byReadiness.getOrDefault(Readiness.DUE, 0L));
            out.put(state(s), m);
        });
        return out;
    }

    /** The daemon's long-lived loops. */
    public static List<LoopView> loops(List<LoopStatus> loops) {
        List<LoopView> out = new ArrayList<>(loops.size());
        for (LoopStatus l : loops) {
            out.add(new LoopView(l.name(), l.alive(), l.lastTurn(), l.busySince(), l.errors(), l.lastError()));
        }
        return out;
    }

    public static ContainmentView containment(ContainmentInfo c) {
        return new ContainmentView(c.mechanism(), c.cgroup() == null ? null : c.cgroup().toString(), c.reason());
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

package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.engine.process.LaunchSpec;
import dev.queuectl.daemon.engine.process.RunTree;
import dev.queuectl.daemon.engine.process.StartedProcess;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.health.Loop;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.RunStart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one claimed run on a worker thread: gives it a {@link RunTree} (its cgroup, or its
 * marker), spawns it, records its processes, enforces its time limit and output limit, waits for
 * it, stops anything it left behind (in its process group or not), and has {@link RunVerdict}
 * decide what its end means for the job.
 */
final class JobRunner {
    private static final Logger jobLog = LoggerFactory.getLogger("queuectl.jobs");

    private final EngineContext ctx;
    private final OutputKeeper output;
    private final RunVerdict verdict;
    private final Loop turns;

    JobRunner(EngineContext ctx, OutputKeeper output, RunVerdict verdict, Loop turns) {
        this.ctx = ctx;
        this.output = output;
        this.verdict = verdict;
        this.turns = turns;
    }

    /**
     * Runs to the end; returns the end to record. An unexpected exception is logged with the
     * job's id and becomes the run's end (a counted failure, after its processes are stopped).
     */
    RunEnd run(ActiveRun active) {
        try {
            return runProcess(active);
        } catch (RuntimeException e) {
            turns.failed(active.run.id(), e);
            RunTree tree = active.tree();
            if (tree != null) {
                ctx.terminator.terminate(tree);
            }
            return verdict.internalError(active.run, e, ctx.clock.instant());
        } finally {
            output.close(active);
        }
    }

    private RunEnd runProcess(ActiveRun active) {
        ClaimedRun run = active.run;
        Instant started = ctx.clock.instant();
        if (ctx.cluster.fenced()) {
            active.requestStop(StopReason.FENCE); // claimed just as the node was fenced: never start it
        }
        if (active.stopReason() != null) {
            return verdict.of(run, active.stopReason(), null, null, started, 0, "");
        }
        Path workDir = run.cwd() != null ? Path.of(run.cwd()) : ctx.settings.workDir();
        String missing = WorkDirs.problem(workDir);
        if (missing != null) {
            return verdict.failure(run, started, null, missing, missing, RunOutcome.FAILED, 0);
        }
        RunTree tree = ctx.containment.newRun(ctx.runTokenValue(run.seq(), run.attempt()));
        try {
            return runIn(active, tree, started, workDir);
        } finally {
            tree.release();
        }
    }

    private RunEnd runIn(ActiveRun active, RunTree tree, Instant started, Path workDir) {
        ClaimedRun run = active.run;
        StartedProcess process;
        try {
            process = ctx.launcher.start(new LaunchSpec(run.command(), environment(run), workDir, active.output,
                    tree.cgroup()));
        } catch (IOException e) {
            String why = "could not start /bin/sh in " + workDir + ": " + e.getMessage();
            String problem = WorkDirs.problem(workDir); // it may have gone between the check and the start
            return verdict.failure(run, started, null, problem != null ? problem : why,
                    problem != null ? problem : why, RunOutcome.FAILED, 0);
        }
        int pid = process.pid();
        tree.attach(pid);
        Duration limit = timeout(run);
        ScheduledFuture<?> timeoutTask = null;
        Integer status;
        RuntimeException lost = null;
        try {
            Path cgroup = tree.cgroupPath();
            ctx.store.recordStart(new RunStart(run.seq(), run.attempt(), run.node(), started, pid, pid,
                    process.startTime(), ctx.bootId, cgroup == null ? null : cgroup.toString()));
            active.attach(tree, started);
            Instant due = run.runAt().isAfter(run.createdAt()) ? run.runAt() : run.createdAt();
            Duration waited = Duration.between(due, started);
            ctx.events.publish(new JobEvent.RunStarted(run, waited.isNegative() ? Duration.ZERO : waited));
            jobLog.atDebug().addKeyValue("job", run.id()).addKeyValue("attempt", run.attempt()).addKeyValue("pid", pid)
                    .log("job {} attempt {} started: pid {}", run.id(), run.attempt(), pid);
            if (limit != null) {
                timeoutTask = ctx.timer.schedule(() -> active.requestStop(StopReason.TIMEOUT), limit.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            status = process.waitFor();
            tree.reaped();
        } catch (InterruptedException | RuntimeException e) {
            // The worker lost track of its run (nothing should interrupt a worker): stop the run, reap it.
            lost = e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
            turns.failed(run.id(), lost);
            ctx.terminator.terminate(tree);
            status = reap(process);
            tree.reaped();
        } finally {
            if (timeoutTask != null) {
                timeoutTask.cancel(false);
            }
        }
        Instant finished = ctx.clock.instant();
        active.leftProcesses = ctx.terminator.stopLeftovers(tree);
        long dropped = output.finish(active);
        if (lost != null) {
            return verdict.internalError(run, lost, finished);
        }
        return verdict.of(run, active.stopReason(), status, limit, finished, dropped, tail(active));
    }

    /** Waits for a shell the worker lost track of, once its tree was told to stop; null if that fails too. */
    private static Integer reap(StartedProcess process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Duration timeout(ClaimedRun run) {
        if (run.timeoutMs() != null) {
            return Duration.ofMillis(run.timeoutMs());
        }
        return ctx.runtime.get().jobTimeout();
    }

    /**
     * The daemon's environment, the job's own variables over it, then queuectl's: the job's
     * values win over the daemon's, and nothing wins over queuectl's (a job cannot set them).
     */
    private List<String> environment(ClaimedRun run) {
        List<String> env = new ArrayList<>(ctx.baseEnvironment.size() + run.env().size() + 4);
        if (run.env().isEmpty()) {
            env.addAll(ctx.baseEnvironment);
        } else {
            for (String entry : ctx.baseEnvironment) {
                if (!run.env().containsKey(entry.substring(0, entry.indexOf('=')))) {
                    env.add(entry);
                }
            }
            for (Map.Entry<String, String> e : run.env().entrySet()) {
                if (!e.getKey().startsWith(EngineContext.QUEUECTL_PREFIX)) {
                    env.add(e.getKey() + "=" + e.getValue());
                }
            }
        }
        env.add("QUEUECTL_JOB_ID=" + run.id());
        env.add("QUEUECTL_ATTEMPT=" + run.attempt());
        env.add("QUEUECTL_SOCKET=" + ctx.settings.socket());
        env.add(ctx.runToken(run.seq(), run.attempt()));
        return env;
    }

    private String tail(ActiveRun active) {
        String tail = ctx.outputs.tail(active.output, 300);
        return tail == null ? "" : ": " + tail;
    }
}

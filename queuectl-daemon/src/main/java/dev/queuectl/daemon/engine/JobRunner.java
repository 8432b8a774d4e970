package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.engine.process.LaunchSpec;
import dev.queuectl.daemon.engine.process.ProcessLauncher;
import dev.queuectl.daemon.engine.process.StartedProcess;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.RetryPolicy;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.RunStart;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.protocol.Durations;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one claimed run on a worker thread: spawns it, records its processes, enforces its
 * time limit and output limit, waits for it, stops anything it left behind, and decides what its
 * end means for the job (completed, retry later, dead, interrupted).
 */
final class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Logger jobLog = LoggerFactory.getLogger("queuectl.jobs");

    private final EngineContext ctx;
    private final OutputKeeper output;

    JobRunner(EngineContext ctx, OutputKeeper output) {
        this.ctx = ctx;
        this.output = output;
    }

    /** Runs to the end; returns the end to record. Never throws. */
    RunEnd run(ActiveRun active) {
        try {
            return runProcess(active);
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
            return end(active, null, null, started, started, 0);
        }
        StartedProcess process;
        try {
            process = ctx.launcher.start(new LaunchSpec(run.command(), environment(run), ctx.settings.workDir(),
                    active.output));
        } catch (IOException e) {
            String why = "could not start /bin/sh: " + e.getMessage();
            return failure(run, started, null, why, why, RunOutcome.FAILED, 0);
        }
        int pid = process.pid();
        ctx.store.recordStart(new RunStart(run.seq(), run.attempt(), run.node(), started, pid, pid,
                process.startTime(), ctx.bootId));
        active.attach(pid, started);
        Instant due = run.runAt().isAfter(run.createdAt()) ? run.runAt() : run.createdAt();
        ctx.events.publish(new JobEvent.RunStarted(run, Duration.between(due, started).isNegative() ? Duration.ZERO
                : Duration.between(due, started)));
        jobLog.atDebug().addKeyValue("job", run.id()).addKeyValue("attempt", run.attempt()).addKeyValue("pid", pid)
                .log("job {} attempt {} started: pid {}", run.id(), run.attempt(), pid);

        Duration limit = timeout(run);
        var timeoutTask = limit == null ? null : ctx.timer.schedule(() -> active.requestStop(StopReason.TIMEOUT),
                limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException | RuntimeException e) {
            // Should not happen: the worker pool is never interrupted while runs are active.
            log.error("lost track of job {} (pid {}); stopping its process group", run.id(), pid, e);
            ctx.terminator.terminate(pid);
            status = 256 + ProcessLauncher.SIGKILL;
        } finally {
            if (timeoutTask != null) {
                timeoutTask.cancel(false);
            }
        }
        Instant finished = ctx.clock.instant();
        active.leftProcesses = ctx.terminator.stopLeftovers(pid);
        long dropped = output.finish(active);
        return end(active, status, limit, started, finished, dropped);
    }

    private Duration timeout(ClaimedRun run) {
        if (run.timeoutMs() != null) {
            return Duration.ofMillis(run.timeoutMs());
        }
        return ctx.runtime.get().jobTimeout();
    }

    private List<String> environment(ClaimedRun run) {
        List<String> env = new java.util.ArrayList<>(ctx.baseEnvironment.size() + 4);
        env.addAll(ctx.baseEnvironment);
        env.add("QUEUECTL_JOB_ID=" + run.id());
        env.add("QUEUECTL_ATTEMPT=" + run.attempt());
        env.add("QUEUECTL_SOCKET=" + ctx.settings.socket());
        env.add(ctx.runToken(run.seq(), run.attempt()));
        return env;
    }

    /** Decides what the run's end means. {@code status} is null when no process ever started. */
    private RunEnd end(ActiveRun active, Integer status, Duration limit, Instant started, Instant finished,
                       long dropped) {
        ClaimedRun run = active.run;
        StopReason stop = active.stopReason();
        if (stop == StopReason.CANCEL) {
            return new RunEnd(run.seq(), run.id(), run.attempt(), RunOutcome.CANCELLED, exitCode(status), "cancelled",
                    "cancelled", finished, Transition.BURY, null, dropped);
        }
        if (stop == StopReason.FENCE) {
            String why = "run " + run.attempt() + " interrupted: " + ctx.fenceReason.get();
            return new RunEnd(run.seq(), run.id(), run.attempt(), RunOutcome.INTERRUPTED, exitCode(status), why, why,
                    finished, Transition.INTERRUPT, null, dropped);
        }
        if (stop == StopReason.DRAIN) {
            String why = "run " + run.attempt() + " interrupted: the daemon was shutting down";
            return new RunEnd(run.seq(), run.id(), run.attempt(), RunOutcome.INTERRUPTED, exitCode(status), why, why,
                    finished, Transition.INTERRUPT, null, dropped);
        }
        if (stop == StopReason.TIMEOUT) {
            String why = "timed out after " + Durations.text(limit);
            return failure(run, finished, exitCode(status), why, why + tail(active), RunOutcome.TIMED_OUT, dropped);
        }
        if (status != null && status == 0) {
            return new RunEnd(run.seq(), run.id(), run.attempt(), RunOutcome.COMPLETED, 0, "exit code 0", null,
                    finished, Transition.COMPLETE, null, dropped);
        }
        String why = describe(status);
        return failure(run, finished, exitCode(status), why, why + tail(active), RunOutcome.FAILED, dropped);
    }

    private String tail(ActiveRun active) {
        String tail = ctx.outputs.tail(active.output, 300);
        return tail == null ? "" : ": " + tail;
    }

    private static Integer exitCode(Integer status) {
        return status == null || status >= 256 ? null : status;
    }

    static String describe(Integer status) {
        if (status == null) {
            return "did not start";
        }
        if (status >= 256) {
            int sig = status - 256;
            return "killed by signal " + sig + signalName(sig);
        }
        if (status == 127) {
            return "exit code 127 (command not found)";
        }
        if (status == 126) {
            return "exit code 126 (command not executable)";
        }
        return "exit code " + status;
    }

    private static String signalName(int sig) {
        switch (sig) {
            case 1: return " (SIGHUP)";
            case 2: return " (SIGINT)";
            case 6: return " (SIGABRT)";
            case 9: return " (SIGKILL)";
            case 11: return " (SIGSEGV)";
            case 13: return " (SIGPIPE)";
            case 15: return " (SIGTERM)";
            default: return "";
        }
    }

    /** A counted failure: retry after the backoff while retries remain, else dead. */
    private RunEnd failure(ClaimedRun run, Instant at, Integer exitCode, String reason, String error, RunOutcome outcome,
                           long dropped) {
        RuntimeConfig config = ctx.runtime.get();
        int failures = run.failures() + 1;
        if (RetryPolicy.mayRetry(failures, run.maxRetries())) {
            Instant retryAt = RetryPolicy.nextRun(at, config.backoffBase(), config.backoffMax(), failures);
            return new RunEnd(run.seq(), run.id(), run.attempt(), outcome, exitCode, reason, error, at,
                    Transition.RETRY_LATER, retryAt, dropped);
        }
        return new RunEnd(run.seq(), run.id(), run.attempt(), outcome, exitCode, reason, error, at, Transition.BURY,
                null, dropped);
    }
}

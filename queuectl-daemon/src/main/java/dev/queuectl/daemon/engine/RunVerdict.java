package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.RetryPolicy;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.protocol.Durations;
import java.time.Duration;
import java.time.Instant;

/**
 * What a run's end means for its job: completed, a counted failure (retry later or dead),
 * cancelled, interrupted. Stateless apart from the live settings; thread-safe.
 */
final class RunVerdict {
    private final EngineContext ctx;

    RunVerdict(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Decides the end of a run that the daemon stopped for {@code stop} (or null) and whose shell
     * ended with {@code status} (null when no process ever started).
     */
    RunEnd of(ClaimedRun run, StopReason stop, Integer status, Duration limit, Instant finished, long dropped,
              String tail) {
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
            return failure(run, finished, exitCode(status), why, why + tail, RunOutcome.TIMED_OUT, dropped);
        }
        if (status != null && status == 0) {
            return new RunEnd(run.seq(), run.id(), run.attempt(), RunOutcome.COMPLETED, 0, "exit code 0", null,
                    finished, Transition.COMPLETE, null, dropped);
        }
        String why = describe(status);
        return failure(run, finished, exitCode(status), why, why + tail, RunOutcome.FAILED, dropped);
    }

    /** The end of a run the daemon itself failed to carry out: a counted failure, so a bug cannot loop. */
    RunEnd internalError(ClaimedRun run, Throwable cause, Instant at) {
        String why = "internal error in queuectld (" + cause.getClass().getSimpleName()
                + "); the daemon log has the details";
        return failure(run, at, null, why, why, RunOutcome.FAILED, 0);
    }

    /** A counted failure: retry after the backoff while retries remain, else dead. */
    RunEnd failure(ClaimedRun run, Instant at, Integer exitCode, String reason, String error, RunOutcome outcome,
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
}

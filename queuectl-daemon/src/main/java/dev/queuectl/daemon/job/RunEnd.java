package dev.queuectl.daemon.job;

import java.time.Instant;

/**
 * The end of a run and what it does to the job.
 *
 * @param transition COMPLETE, RETRY_LATER (with {@code retryAt}), BURY or INTERRUPT
 * @param exitCode   the shell's exit code, or null (killed by a signal, never started)
 * @param reason     what happened in a few words ("exit code 3", "timed out after 30s"); never job output
 * @param error      the reason plus the end of the run's output, for last_error; null for success
 * @param outputDropped output bytes cut from the start of the run's log to respect the limit
 */
public record RunEnd(long seq, String id, int attempt, RunOutcome outcome, Integer exitCode, String reason,
                     String error, Instant finishedAt, Transition transition, Instant retryAt, long outputDropped) {
}

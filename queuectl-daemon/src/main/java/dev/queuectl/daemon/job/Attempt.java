package dev.queuectl.daemon.job;

import java.time.Instant;

/**
 * One run of a job, as kept in its history. {@code outcome} is null while the run is in
 * progress; {@code node} is the node that claimed it (null for runs recorded before nodes were).
 */
public record Attempt(int number, String node, Instant startedAt, Instant finishedAt, RunOutcome outcome,
                      Integer exitCode, String error) {
}

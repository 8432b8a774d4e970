package dev.queuectl.daemon.engine;

import java.time.Instant;

/** A run this daemon has in progress: its job, its run number, and since when (its claim, until its process started). */
public record RunningRun(String jobId, int attempt, Instant since) {
}

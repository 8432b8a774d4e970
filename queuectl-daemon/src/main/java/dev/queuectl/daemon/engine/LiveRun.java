package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.job.RunEnd;
import java.util.concurrent.CompletableFuture;

/**
 * A run of this daemon whose output is still being written: how many bytes at the head of its
 * output file were freed to respect the output limit, and a future completed once its end is recorded.
 */
public record LiveRun(long freedBytes, CompletableFuture<RunEnd> ended) {
}

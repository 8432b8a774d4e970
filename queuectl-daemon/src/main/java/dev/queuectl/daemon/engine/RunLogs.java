package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.job.JobRef;
import java.util.concurrent.CompletableFuture;

/**
 * Where the output of runs is read from, whatever keeps it: files in the data dir (a store one
 * daemon uses) or chunks in the store (a shared store, so any node reads any run). Thread-safe.
 */
public interface RunLogs {
    /**
     * A piece of a run's output.
     *
     * @param offset     where {@code data} starts in the run's whole output stream
     * @param nextOffset where the next read should start
     * @param dropped    bytes cut from the start to respect the output limit
     * @param running    whether the run may still add output
     */
    record Slice(long offset, long nextOffset, long dropped, boolean running, String data) {
    }

    /** Up to 64 KiB of run {@code attempt} of {@code job}'s output from {@code offset}. */
    CompletableFuture<Slice> read(JobRef job, int attempt, long offset);
}

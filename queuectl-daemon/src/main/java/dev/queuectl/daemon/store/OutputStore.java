package dev.queuectl.daemon.store;

import java.util.concurrent.CompletableFuture;

/**
 * Run output kept in the store (a shared store: any node's {@code logs} reads any run's output).
 * Each run keeps at most a limit of bytes: the end of its output, the head cut. Offsets count bytes
 * of the run's whole output stream. Thread-safe; futures complete on store threads.
 */
public interface OutputStore {
    /**
     * What is kept of a run's output from an offset on.
     *
     * @param offset  where {@code data} starts (at least {@code dropped})
     * @param dropped bytes cut from the start of the output to respect the limit
     * @param end     the end of what is stored so far
     */
    record Piece(long offset, byte[] data, long dropped, long end) {
    }

    /** Appends {@code data} at {@code offset} of run {@code attempt} of job {@code seq}, then cuts its head beyond {@code limit} bytes. */
    CompletableFuture<Void> appendOutput(long seq, int attempt, long offset, byte[] data, long limit);

    /** Up to {@code max} bytes of the run's output from {@code offset} (or from the first byte kept). */
    CompletableFuture<Piece> readOutput(long seq, int attempt, long offset, int max);
}

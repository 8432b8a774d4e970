package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.engine.process.RunTree;
import dev.queuectl.daemon.engine.process.TreeTerminator;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.RunEnd;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A claimed run from its claim until its end is recorded: which processes are its (its
 * {@link RunTree}), whether the daemon asked it to stop and why. The first stop request wins; a request that arrives before
 * the process exists takes effect as soon as it does. Thread-safe.
 */
final class ActiveRun {
    final ClaimedRun run;
    final Path output;
    final OutputFiles.RunFile outputFile;
    /** Set by the worker when processes of the run were still running after its shell ended. */
    boolean leftProcesses;
    /** Completes once the run's end is committed. */
    final CompletableFuture<RunEnd> ended = new CompletableFuture<>();

    private final TreeTerminator terminator;
    private RunTree tree;
    private Instant startedAt;
    private StopReason stop;
    private volatile long freedBytes;

    ActiveRun(ClaimedRun run, OutputFiles.RunFile outputFile, TreeTerminator terminator) {
        this.run = run;
        this.outputFile = outputFile;
        this.output = outputFile.path();
        this.terminator = terminator;
    }

    /** The process exists now; a stop requested earlier is carried out at once. */
    synchronized void attach(RunTree tree, Instant startedAt) {
        this.tree = tree;
        this.startedAt = startedAt;
        if (stop != null) {
            terminator.terminate(tree);
        }
    }

    /**
     * Asks the run to stop; returns false if it was already asked. A cancel overrides a timeout
     * (the user's word is final), nothing overrides a drain.
     */
    synchronized boolean requestStop(StopReason reason) {
        if (stop != null && !(stop == StopReason.TIMEOUT && reason == StopReason.CANCEL)) {
            return false;
        }
        boolean signalled = stop != null;
        stop = reason;
        if (signalled) {
            return true;
        }
        if (tree != null) {
            terminator.terminate(tree);
        }
        return true;
    }

    synchronized StopReason stopReason() {
        return stop;
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    /** The run's processes, once its shell exists; else null. */
    synchronized RunTree tree() {
        return tree;
    }

    synchronized int pid() {
        return tree == null ? 0 : tree.pid();
    }

    long freedBytes() {
        return freedBytes;
    }

    void freedBytes(long n) {
        freedBytes = n;
    }
}

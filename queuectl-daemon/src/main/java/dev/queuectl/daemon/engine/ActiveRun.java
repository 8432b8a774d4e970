package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.engine.process.RunTree;
import dev.queuectl.daemon.engine.process.TreeTerminator;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.RunEnd;
import java.nio.file.Path;
import java.time.Duration;
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
    /** Output bytes already moved to the store (a shared store's output); {@link #shipping} guards the move. */
    volatile long shipped;
    final java.util.concurrent.atomic.AtomicBoolean shipping = new java.util.concurrent.atomic.AtomicBoolean();
    /** Completes once the run's end is committed. */
    final CompletableFuture<RunEnd> ended = new CompletableFuture<>();

    private final TreeTerminator terminator;
    private final Duration fenceGrace;
    private RunTree tree;
    private Instant startedAt;
    private StopReason stop;
    private volatile long freedBytes;

    /** @param fenceGrace TERM to KILL when the node is fenced (it must stop before its lease expires) */
    ActiveRun(ClaimedRun run, OutputFiles.RunFile outputFile, TreeTerminator terminator, Duration fenceGrace) {
        this.run = run;
        this.outputFile = outputFile;
        this.output = outputFile.path();
        this.terminator = terminator;
        this.fenceGrace = fenceGrace;
    }

    /** The process exists now; a stop requested earlier is carried out at once. */
    synchronized void attach(RunTree tree, Instant startedAt) {
        this.tree = tree;
        this.startedAt = startedAt;
        if (stop != null) {
            terminate();
        }
    }

    private void terminate() {
        if (stop == StopReason.FENCE) {
            terminator.terminate(tree, fenceGrace);
        } else {
            terminator.terminate(tree);
        }
    }

    /**
     * Asks the run to stop; returns false if it was already asked. A cancel overrides a timeout
     * (the user's word is final), nothing overrides a drain, and fencing overrides everything
     * (the run must end before the node's lease expires).
     */
    synchronized boolean requestStop(StopReason reason) {
        boolean overrides = stop == StopReason.TIMEOUT && reason == StopReason.CANCEL
                || reason == StopReason.FENCE && stop != StopReason.FENCE;
        if (stop != null && !overrides) {
            return false;
        }
        boolean signalled = stop != null;
        stop = reason;
        if (signalled && reason != StopReason.FENCE) {
            return true;
        }
        if (tree != null) {
            terminate();
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

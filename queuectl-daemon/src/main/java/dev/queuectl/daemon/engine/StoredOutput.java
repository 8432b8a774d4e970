package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.store.OutputStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run output kept in the store, in bounded chunks (a shared store): while a run goes, what it
 * wrote to its local file is appended to the store every {@value #TICK_MS} ms; at its end the
 * rest is, and the local file is deleted. Any node's {@code logs} reads the store. The store
 * keeps at most the output limit per run (the end); so does the local file meanwhile (its head
 * freed). Thread-safe; one append per run at a time.
 */
final class StoredOutput implements OutputKeeper {
    private static final Logger log = LoggerFactory.getLogger(StoredOutput.class);
    private static final long TICK_MS = 250;
    private static final int PIECE = 64 * 1024;
    private static final int READ_MAX = 64 * 1024;

    private final EngineContext ctx;
    private final OutputStore store;

    StoredOutput(EngineContext ctx, OutputStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public CompletableFuture<Slice> read(JobRef job, int attempt, long offset) {
        boolean running = job.state() == JobState.PROCESSING && job.runs() == attempt;
        return store.readOutput(job.seq(), attempt, offset, READ_MAX).thenApply(p -> {
            byte[] b = p.data();
            boolean complete = !running && p.offset() + b.length >= p.end();
            int usable = complete ? b.length : OutputFiles.utf8Boundary(b, b.length);
            return new Slice(p.offset(), p.offset() + usable, p.dropped(), running, OutputFiles.decode(b, usable));
        });
    }

    @Override
    public void tick(ActiveRun a) {
        a.freedBytes(ctx.outputs.guard(a.output, a.freedBytes()));
        if (a.shipping.compareAndSet(false, true)) {
            ship(a, false).whenComplete((x, e) -> a.shipping.set(false));
        }
    }

    @Override
    public long tickMillis() {
        return TICK_MS;
    }

    /** Appends what the run wrote since the last append (everything, when {@code all}). */
    private CompletableFuture<Void> ship(ActiveRun a, boolean all) {
        long from = Math.max(a.shipped, a.freedBytes());
        byte[] piece;
        try (RandomAccessFile f = new RandomAccessFile(a.output.toFile(), "r")) {
            long available = f.length() - from;
            if (available <= 0) {
                return CompletableFuture.completedFuture(null);
            }
            piece = new byte[(int) Math.min(available, PIECE)];
            f.seek(from);
            f.readFully(piece);
        } catch (IOException e) {
            return CompletableFuture.completedFuture(null);
        }
        return store.appendOutput(a.run.seq(), a.run.attempt(), from, piece, ctx.outputs.limit()).thenCompose(x -> {
            a.shipped = from + piece.length;
            return all || piece.length == PIECE ? ship(a, all) : CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public long finish(ActiveRun run) {
        while (!run.shipping.compareAndSet(false, true)) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a tick's append is in flight
        }
        try {
            ship(run, true).join();
        } catch (RuntimeException e) {
            log.warn("could not store the output of job {} run {}: {}", run.run.id(), run.run.attempt(), e.getMessage());
        } finally {
            run.shipping.set(false);
        }
        return Math.max(0, ctx.outputs.size(run.output) - ctx.outputs.limit());
    }

    @Override
    public void close(ActiveRun run) {
        ctx.outputs.close(run.outputFile, !run.leftProcesses);
        if (!run.leftProcesses) {
            try {
                Files.deleteIfExists(run.output);
            } catch (IOException e) {
                log.debug("could not delete {}: {}", run.output, e.toString());
            }
        }
    }
}

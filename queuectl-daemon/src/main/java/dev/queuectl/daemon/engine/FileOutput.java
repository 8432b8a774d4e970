package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.job.JobRef;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Run output in files in the data dir ({@link OutputFiles}): the store one daemon uses. Thread-safe. */
final class FileOutput implements OutputKeeper {
    private final EngineContext ctx;
    private final RunRegistry registry;

    FileOutput(EngineContext ctx, RunRegistry registry) {
        this.ctx = ctx;
        this.registry = registry;
    }

    @Override
    public CompletableFuture<Slice> read(JobRef job, int attempt, long offset) {
        ActiveRun active = registry.bySeq(job.seq());
        Optional<ActiveRun> live = active != null && active.run.attempt() == attempt && !active.ended.isDone()
                ? Optional.of(active) : Optional.empty();
        Path file = ctx.outputs.path(job.seq(), attempt);
        CompletableFuture<Long> shift = live.isPresent() ? CompletableFuture.completedFuture(0L)
                : ctx.store.outputDropped(job.seq(), attempt);
        return shift.thenApply(dropped -> {
            boolean running = live.isPresent();
            long freed = running ? live.get().freedBytes() : dropped;
            OutputFiles.Chunk c = ctx.outputs.read(file, offset, freed, running ? 0 : dropped, !running);
            return new Slice(c.offset(), c.nextOffset(), freed, running, c.data());
        });
    }

    @Override
    public void tick(ActiveRun a) {
        // A runaway job's file has its head freed beyond the output limit.
        a.freedBytes(ctx.outputs.guard(a.output, a.freedBytes()));
    }

    @Override
    public long tickMillis() {
        return 1_000;
    }

    @Override
    public long finish(ActiveRun run) {
        return ctx.outputs.trim(run.output);
    }

    @Override
    public void close(ActiveRun run) {
        ctx.outputs.close(run.outputFile, !run.leftProcesses);
    }
}

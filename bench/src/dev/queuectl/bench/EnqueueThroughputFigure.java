package dev.queuectl.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Figure 2, durable enqueue throughput: one client, one connection, workers stopped so nothing
 * runs. The request lines are built beforehand; one thread writes them all (pipelined) while
 * the main thread reads the answers; jobs/s is the jobs acknowledged over the time from the
 * first byte sent to the last answer read. Two rows: enqueue_batch of 1000 jobs per request,
 * and single enqueues. Baselines: {@link SqliteBaseline} (1000 rows per transaction for the
 * batch row, one row per transaction for the single row). Target: 50,000 jobs/s.
 */
final class EnqueueThroughputFigure implements Figure {
    private static final int BATCH = 1000;

    @Override
    public String name() {
        return "enqueue";
    }

    @Override
    public String title() {
        return "2. durable enqueue throughput";
    }

    @Override
    public String target() {
        return "≥ 50,000 jobs/s";
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        int n = ctx.sizes().enqueueJobs();
        int warm = ctx.sizes().enqueueWarmup();
        SqliteBaseline.Result base = ctx.sqliteBaseline();
        Target target = Target.atLeast(50_000, Unit.JOBS_PER_S);
        try (Daemon d = Daemon.start(ctx, ctx.dir("f2")); WireConnection c = d.connect()) {
            c.call(Requests.WORKER_STOP_AND_WAIT);
            BenchContext.progress("figure 2: warm-up, " + warm + " jobs each way");
            pipelined(ctx, d, c, batchLines(warm), BATCH, null);
            pipelined(ctx, d, c, singleLines(warm), 1, null);
            long pendingBefore = Requests.count(Requests.counts(c), "pending");

            String label = "2a. durable enqueue, pipelined enqueue_batch of " + BATCH + " (" + n + " jobs)";
            try {
                BenchContext.progress("figure 2: " + n + " jobs in batches of " + BATCH);
                double rate = pipelined(ctx, d, c, batchLines(n), BATCH, "2a");
                out.add(Row.of(label, rate, Unit.JOBS_PER_S, base.thousandRowsPerTxRate(),
                        "sqlite 1000 rows/tx", target));
            } catch (Exception e) {
                out.add(Row.error(label, e, target.text()));
            }
            label = "2b. durable enqueue, pipelined single enqueues (" + n + " jobs)";
            try {
                BenchContext.progress("figure 2: " + n + " single enqueues");
                double rate = pipelined(ctx, d, c, singleLines(n), 1, "2b");
                out.add(Row.of(label, rate, Unit.JOBS_PER_S, base.oneRowPerTxRate(), "sqlite 1 row/tx", target));
            } catch (Exception e) {
                out.add(Row.error(label, e, target.text()));
            }
            long pending = Requests.count(Requests.counts(c), "pending") - pendingBefore;
            if (pending != 2L * n) {
                out.add(Row.error("2. check", new IllegalStateException(
                        "the store holds " + pending + " new pending jobs, expected " + 2L * n), "—"));
            }
        }
        ctx.note("Figure 2: " + warm + " warm-up jobs each way first (queuectld is long-running, so it is measured JIT-warm);"
                + " one connection, all request lines written by one thread while another reads the answers;"
                + " jobs counted only when acknowledged (acknowledged = committed with synchronous=FULL). Baselines: sqlite-jdbc"
                + " on a fresh file with the daemon's schema (V001), WAL + synchronous=FULL, the daemon's INSERT:"
                + " 1 row/tx rate from " + base.oneRowPerTxRows() + " rows, 1000 rows/tx from "
                + base.thousandRowsPerTxRows() + " rows.");
    }

    /** Acknowledged jobs/s of {@code jobs} jobs sent as pipelined batches of 1,000 (figure 8 too). */
    static double pipelinedBatches(BenchContext ctx, Daemon d, WireConnection c, int jobs, String row) throws Exception {
        return pipelined(ctx, d, c, batchLines(jobs), BATCH, row);
    }

    private static byte[] batchLines(int jobs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(jobs * 20 + 1024);
        for (int from = 0; from < jobs; from += BATCH) {
            String line = Requests.enqueueBatch(from, Math.min(BATCH, jobs - from), i -> "{\"command\":\"true\"}");
            b.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    private static byte[] singleLines(int jobs) {
        byte[] line = "{\"op\":\"enqueue\",\"command\":\"true\"}\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream(jobs * line.length);
        for (int i = 0; i < jobs; i++) {
            b.writeBytes(line);
        }
        return b.toByteArray();
    }

    /**
     * Sends every line at once from a writer thread and reads the answers; returns acknowledged
     * jobs/s. Batch answers ({@code jobsPerLine > 1}) are parsed for their count.
     */
    private static double pipelined(BenchContext ctx, Daemon d, WireConnection c, byte[] lines, int jobsPerLine,
                                    String row) throws Exception {
        int requests = 0;
        for (byte b : lines) {
            if (b == '\n') {
                requests++;
            }
        }
        long cpu0 = d.cpuNanos();
        long t0 = System.nanoTime();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                c.sendRaw(lines);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long acknowledged = 0;
        String firstError = null;
        for (int i = 0; i < requests; i++) {
            String answer = c.readLine();
            if (WireConnection.isOk(answer)) {
                acknowledged += jobsPerLine == 1 ? 1
                        : Json.number(Json.object(WireConnection.resultOf(answer), "batch result").get("count"), "count");
            } else if (firstError == null) {
                firstError = answer;
            }
        }
        long t1 = System.nanoTime();
        long cpu = d.cpuNanos() - cpu0;
        writer.join();
        if (firstError != null) {
            throw new IllegalStateException("the daemon refused requests: " + Json.abbreviate(firstError));
        }
        if (row != null) {
            ctx.note(String.format(java.util.Locale.ROOT, "Figure %s: queuectld used %.2f s of CPU for %d jobs in %.2f s"
                    + " (%.1f µs per job).", row, cpu / 1e9, acknowledged, (t1 - t0) / 1e9, cpu / 1e3 / acknowledged));
        }
        return acknowledged / ((t1 - t0) / 1e9);
    }
}

package dev.queuectl.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Figure 7, bulk actions: cancelling 100,000 pending jobs with one {@code cancel} request by
 * filter ({@code "filter":{"state":"pending"}}), which the daemon applies in the store in batches,
 * one transaction each. Baselines from the same run: (a) the way before bulk actions, one
 * {@code cancel} request per job, pipelined on one connection (over fewer jobs: at one durable
 * commit per request it would take minutes), and (b) the floor, one SQL {@code UPDATE} of every
 * pending row in one transaction in sqlite-jdbc on the daemon's schema (its count triggers
 * included). Values are jobs cancelled per second. Target: 100,000 jobs in at most 10 s.
 */
final class BulkCancelFigure implements Figure {
    private static final String CANCEL_PENDING = "{\"op\":\"cancel\",\"filter\":{\"state\":\"pending\"}}";

    @Override
    public String name() {
        return "bulk";
    }

    @Override
    public String title() {
        return "7. bulk cancel";
    }

    @Override
    public String target() {
        return "100,000 jobs in ≤ 10 s";
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        int jobs = ctx.sizes().bulkJobs();
        int singles = ctx.sizes().singleCancels();
        double singleRate;
        double bulkRate;
        double bulkSeconds;
        long cpu;
        try (Daemon d = Daemon.start(ctx, ctx.dir("f7")); WireConnection c = d.connect()) {
            c.call(Requests.WORKER_STOP_AND_WAIT);
            BenchContext.progress("figure 7: warm-up");
            Requests.enqueueAll(c, 10_000, 1000, i -> "{\"command\":\"true\",\"labels\":{\"warm\":\"up\"}}");
            cancelled(c.call("{\"op\":\"cancel\",\"filter\":{\"labels\":[\"warm=up\"]}}"), 10_000);
            Requests.enqueueAll(c, 200, 200, i -> Requests.job("true", "warm-" + i, null));
            singleCancels(c, "warm-", 200);

            BenchContext.progress("figure 7: " + singles + " single cancel requests (baseline)");
            Requests.enqueueAll(c, singles, 1000, i -> Requests.job("true", "one-" + i, null));
            singleRate = singleCancels(c, "one-", singles);

            BenchContext.progress("figure 7: one cancel request for " + jobs + " pending jobs");
            Requests.enqueueAll(c, jobs, 1000, i -> "{\"command\":\"true\"}");
            long cpu0 = d.cpuNanos();
            long t0 = System.nanoTime();
            Object answer = c.call(CANCEL_PENDING);
            long t1 = System.nanoTime();
            cpu = d.cpuNanos() - cpu0;
            cancelled(answer, jobs);
            Map<String, Object> counts = Requests.counts(c);
            if (Requests.count(counts, "pending") != 0) {
                throw new IllegalStateException("jobs left pending after the bulk cancel: " + counts);
            }
            bulkSeconds = (t1 - t0) / 1e9;
            bulkRate = jobs / bulkSeconds;
        }
        BenchContext.progress("figure 7: baseline, one UPDATE of " + jobs + " rows in sqlite-jdbc");
        double floor = sqliteUpdate(ctx, jobs);
        String size = String.format(Locale.ROOT, "%,d", jobs);
        Target target = Target.atLeast(jobs / 10.0, Unit.JOBS_PER_S);
        out.add(Row.of("7a. bulk cancel by filter, " + size + " pending jobs", bulkRate, Unit.JOBS_PER_S, singleRate,
                String.format(Locale.ROOT, "%,d single `cancel`s, pipelined", singles), target));
        out.add(Row.of("7b. bulk cancel by filter, " + size + " pending jobs", bulkRate, Unit.JOBS_PER_S, floor,
                "sqlite: one UPDATE of every row, 1 tx", Target.none()));
        ctx.note(String.format(Locale.ROOT, "Figure 7: %,d pending jobs (workers stopped) cancelled by one request"
                + " {\"op\":\"cancel\",\"filter\":{\"state\":\"pending\"}} in %.2f s, in batches of 2,000 jobs per"
                + " transaction (synchronous=FULL); queuectld used %.2f s of CPU. Warm-up first: 10,000 jobs cancelled"
                + " by label and 200 single cancels. Baseline (a): %,d jobs cancelled by one `cancel` request each,"
                + " pipelined on one connection (the daemon applies one connection's requests in order, each answered"
                + " once durable). Baseline (b): sqlite-jdbc, a fresh file with the daemon's schema (all migrations,"
                + " triggers included), %,d pending rows, one UPDATE of all of them in one transaction.",
                jobs, bulkSeconds, cpu / 1e9, singles, jobs));
    }

    private static void cancelled(Object result, long expected) {
        long n = Json.number(Json.object(result, "cancel result").get("count"), "count");
        if (n != expected) {
            throw new IllegalStateException("cancelled " + n + " jobs, expected " + expected + ": "
                    + Json.abbreviate(String.valueOf(result)));
        }
    }

    /** Cancels jobs prefix0..prefix(n-1) with one request each, pipelined; returns jobs/s. */
    private static double singleCancels(WireConnection c, String prefix, int n) throws Exception {
        ByteArrayOutputStream lines = new ByteArrayOutputStream(n * 40);
        for (int i = 0; i < n; i++) {
            lines.writeBytes(("{\"op\":\"cancel\",\"id\":\"" + prefix + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = lines.toByteArray();
        long t0 = System.nanoTime();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                c.sendRaw(bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (int i = 0; i < n; i++) {
            WireConnection.resultOf(c.readLine());
        }
        long t1 = System.nanoTime();
        writer.join();
        return n / ((t1 - t0) / 1e9);
    }

    /** Rows per second of one UPDATE cancelling {@code rows} pending rows, in raw sqlite-jdbc. */
    private static double sqliteUpdate(BenchContext ctx, int rows) throws Exception {
        Path dir = ctx.dir("f7s");
        try (Connection c = SqliteBaseline.open(dir.resolve("baseline.db"))) {
            SqliteBaseline.createSchema(ctx.root(), c);
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(SqliteBaseline.INSERT)) {
                long now = System.currentTimeMillis();
                for (int i = 1; i <= rows; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, Integer.toString(i));
                    ps.setString(3, "true");
                    ps.setLong(4, now);
                    ps.setLong(5, now);
                    ps.setLong(6, now);
                    ps.executeUpdate();
                    if (i % 1000 == 0) {
                        c.commit();
                    }
                }
                c.commit();
            }
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET state = 'dead', last_error = 'cancelled',"
                    + " held = 0, updated_at = ? WHERE state = 'pending'")) {
                ps.setLong(1, System.currentTimeMillis());
                int n = ps.executeUpdate();
                c.commit();
                if (n != rows) {
                    throw new IllegalStateException("the UPDATE cancelled " + n + " rows, expected " + rows);
                }
            }
            return rows / ((System.nanoTime() - t0) / 1e9);
        } finally {
            BenchContext.deleteTree(dir);
        }
    }
}

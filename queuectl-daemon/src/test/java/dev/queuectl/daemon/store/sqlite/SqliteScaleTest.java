package dev.queuectl.daemon.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.TestClock;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.JobStoreScaleContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/** A million lived-in jobs in a real SQLite file; the plans are SQLite's own EXPLAIN QUERY PLAN. */
class SqliteScaleTest extends JobStoreScaleContract {
    private Path dir;

    @Override
    protected JobStore openStore(TestClock clock) {
        dir = ShortTempDir.create();
        return SqliteJobStore.open(dir.resolve("queuectl.db"), clock);
    }

    @AfterAll
    void deleteFile() {
        ShortTempDir.delete(dir);
    }

    @Override
    protected void assertHotQueriesUseTheirIndexes(JobStore store) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("queuectl.db"))) {
            assertIndexed(c, JobSql.CLAIMABLE, "jobs_ready", 1);
            assertIndexed(c, JobSql.PROMOTE, "jobs_waiting", 1L);
            assertIndexed(c, JobSql.NEXT_DUE, "jobs_waiting");
            assertIndexed(c, JobListing.query(new CriteriaSql(JobCriteria.inStates(Set.of(JobState.DEAD))), false),
                    "jobs_state_seq", 1, JobListing.WINDOW, 100);
            String labelled = JobListing.query(new CriteriaSql(new JobCriteria(Set.of(JobState.PENDING),
                    Map.of("kind", "even"), null, null, null)), true);
            assertIndexed(c, labelled, "job_labels_value", 1, JobListing.WINDOW, "kind", "even", 1, JobListing.WINDOW,
                    100);
            assertIndexed(c, JobSql.idsWithPrefix(" AND +state IN ('dead')"), "sqlite_autoindex_jobs_1", "12",
                    JobSql.prefixEnd("12"), 50);
            assertIndexed(c, JobSql.IN_PROGRESS_OF_NODE, "jobs_state_seq", "n");
            String plan = plan(c, JobSql.COUNTS);
            assertFalse(plan.contains("jobs"), "counts read state_counts, not the jobs: " + plan);
        }
    }

    private static void assertIndexed(Connection c, String sql, String index, Object... params) throws Exception {
        String plan = plan(c, sql, params);
        assertTrue(plan.contains("INDEX " + index) || plan.contains("USING COVERING INDEX " + index),
                "expected index " + index + " for " + sql + " but the plan is: " + plan);
        assertFalse(plan.matches("(?s).*SCAN (j|jobs)\\b(?! USING).*"), "a full scan of jobs: " + plan);
    }

    private static String plan(Connection c, String sql, Object... params) throws Exception {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString("detail"));
                }
            }
        }
        return String.join(" | ", lines);
    }
}

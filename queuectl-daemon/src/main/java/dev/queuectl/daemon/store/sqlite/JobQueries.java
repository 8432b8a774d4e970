package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.Attempt;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobDetails;
import dev.queuectl.daemon.job.JobState;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reads, each on a reader's query-only connection; those that read twice do so in one snapshot. */
final class JobQueries {
    private JobQueries() {
    }

    static Optional<JobDetails> find(Tx tx, String id) throws SQLException {
        tx.execute("BEGIN");
        try {
            Optional<Job> job = tx.queryOne(JobSql.BY_ID, ps -> ps.setString(1, id), JobRows::job);
            if (job.isEmpty()) {
                return Optional.empty();
            }
            List<Attempt> history = tx.query(AttemptSql.FOR_JOB, ps -> ps.setLong(1, job.get().seq()),
                    JobRows::attempt);
            return Optional.of(new JobDetails(job.get(), history));
        } finally {
            tx.execute("COMMIT");
        }
    }

    static Map<JobState, Long> counts(Tx tx) throws SQLException {
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            counts.put(s, 0L);
        }
        tx.query(JobSql.COUNTS, ps -> { }, rs -> counts.put(JobState.ofKey(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    static Map<String, String> config(Tx tx) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        tx.query(ConfigSql.ALL, ps -> { }, rs -> values.put(rs.getString(1), rs.getString(2)));
        return values;
    }
}

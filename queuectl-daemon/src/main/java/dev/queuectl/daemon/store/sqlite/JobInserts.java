package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.store.DuplicateJobException;
import dev.queuectl.daemon.store.JsonMaps;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Inserting jobs. Runs on the writer thread only: it hands out seq numbers from memory, which is
 * safe because one daemon at a time opens a store file (the data dir lock) and only the writer
 * thread inserts. A rolled-back insert hands its numbers out again.
 */
final class JobInserts {
    /** Rows per multi-row INSERT in a batch. */
    private static final int ROWS_PER_INSERT = 100;

    /** The last seq handed out; -1 until read from the file. Writer thread only. */
    private long lastSeq = -1;

    /** Inserts one job; returns it as stored, without reading it back. */
    Job insertOne(Tx tx, NewJob job, long now) throws SQLException {
        long before = lastSeq;
        try {
            long seq = nextSeq(tx);
            NewJob resolved = withDefaults(job, QueueRecords.defaults(tx, job.queue()));
            List<JobRef> deps = DependencyRecords.resolve(tx, job.after(), -1);
            String id = insert(tx, resolved, seq, now, -1, deps);
            if (!deps.isEmpty()) {
                return JobChanges.read(tx, id);
            }
            Instant at = Instant.ofEpochMilli(now);
            return new Job(seq, id, job.command(), JobState.PENDING, 0, 0, resolved.maxRetries(), job.priority(),
                    job.runAt() == null ? at : job.runAt(),
                    resolved.timeoutMs() == null ? null : Duration.ofMillis(resolved.timeoutMs()), at, at, null, null,
                    null, null, job.cwd(), job.env(), job.labels(), false, job.queue(), 0);
        } catch (SQLException | RuntimeException e) {
            lastSeq = before; // the savepoint is rolled back: hand the numbers out again
            throw e;
        }
    }

    /**
     * Inserts a batch a hundred rows per statement, all or nothing. If a statement hits a
     * duplicate id, the batch is tried again row by row to name the offending job.
     */
    List<String> insertAll(Tx tx, List<NewJob> jobs, long now) throws SQLException {
        long before = lastSeq;
        try {
            return insertBatch(tx, jobs, now);
        } catch (SQLException | RuntimeException e) {
            lastSeq = before;
            throw e;
        }
    }

    private List<String> insertBatch(Tx tx, List<NewJob> given, long now) throws SQLException {
        Map<String, QueueRecords.Defaults> defaults = new HashMap<>();
        List<NewJob> jobs = new ArrayList<>(given.size());
        boolean anyDeps = false;
        for (NewJob job : given) {
            QueueRecords.Defaults d = defaults.get(job.queue());
            if (d == null) {
                d = QueueRecords.defaults(tx, job.queue());
                defaults.put(job.queue(), d);
            }
            jobs.add(withDefaults(job, d));
            anyDeps |= !job.after().isEmpty();
        }
        if (anyDeps) {
            // a job may wait for an earlier one of the batch: row by row, each seeing those before it
            List<String> ids = new ArrayList<>(jobs.size());
            for (int i = 0; i < jobs.size(); i++) {
                ids.add(insert(tx, jobs.get(i), nextSeq(tx), now, i,
                        DependencyRecords.resolve(tx, jobs.get(i).after(), i)));
            }
            return ids;
        }
        long first = nextSeq(tx);
        lastSeq = first - 1;
        List<String> ids = new ArrayList<>(jobs.size());
        tx.execute("SAVEPOINT batch");
        try {
            int i = 0;
            while (jobs.size() - i >= ROWS_PER_INSERT) {
                int from = i;
                tx.update(JobSql.insertMany(ROWS_PER_INSERT), ps -> {
                    for (int r = 0; r < ROWS_PER_INSERT; r++) {
                        NewJob job = jobs.get(from + r);
                        long seq = first + from + r;
                        bind(ps, r * JobSql.INSERT_PARAMETERS, seq, idOf(job, seq), job, now, 0);
                    }
                });
                for (int r = 0; r < ROWS_PER_INSERT; r++) {
                    ids.add(idOf(jobs.get(from + r), first + from + r));
                    insertLabels(tx, jobs.get(from + r).labels(), first + from + r);
                }
                i += ROWS_PER_INSERT;
            }
            lastSeq = first + i - 1;
            for (; i < jobs.size(); i++) {
                ids.add(insert(tx, jobs.get(i), nextSeq(tx), now, i, List.of()));
            }
            tx.execute("RELEASE batch");
            return ids;
        } catch (SQLException e) {
            tx.execute("ROLLBACK TO batch");
            tx.execute("RELEASE batch");
            if (!SqliteErrors.isUniqueViolation(e)) {
                throw e;
            }
            lastSeq = first - 1;
            ids.clear();
            for (int i = 0; i < jobs.size(); i++) {
                ids.add(insert(tx, jobs.get(i), nextSeq(tx), now, i, List.of()));
            }
            return ids;
        }
    }

    /** The job with its queue's max_retries (unless it has its own) and timeout (unless it has one). */
    private static NewJob withDefaults(NewJob job, QueueRecords.Defaults d) {
        boolean retries = job.maxRetriesIsDefault() && d.maxRetries() != null;
        boolean timeout = job.timeoutMs() == null && d.timeoutMs() != null;
        if (!retries && !timeout) {
            return job;
        }
        return new NewJob(job.id(), job.command(), retries ? d.maxRetries() : job.maxRetries(), job.priority(),
                job.runAt(), timeout ? d.timeoutMs() : job.timeoutMs(), job.cwd(), job.env(), job.labels(),
                job.queue(), job.after(), false);
    }

    /** The next seq, taking it from the file the first time. */
    private long nextSeq(Tx tx) throws SQLException {
        if (lastSeq < 0) {
            lastSeq = tx.queryOne(JobSql.LAST_SEQ, ps -> { }, rs -> rs.getLong(1)).orElse(0L);
        }
        return ++lastSeq;
    }

    private static String idOf(NewJob job, long seq) {
        return job.id() != null ? job.id() : Long.toString(seq);
    }

    /** Inserts one row with its dependencies; returns its id. {@code batchIndex} is -1 outside a batch. */
    private static String insert(Tx tx, NewJob job, long seq, long now, int batchIndex, List<JobRef> deps)
            throws SQLException {
        int depsLeft = DependencyRecords.left(deps);
        String id = idOf(job, seq);
        for (int clash = 0; ; clash++) {
            try {
                String finalId = id;
                tx.update(JobSql.INSERT, ps -> bind(ps, 0, seq, finalId, job, now, depsLeft));
                insertLabels(tx, job.labels(), seq);
                DependencyRecords.link(tx, seq, deps, now);
                return id;
            } catch (SQLException e) {
                if (!SqliteErrors.isUniqueViolation(e)) {
                    throw e;
                }
                if (job.id() != null) {
                    JobState state = tx.queryOne(JobSql.STATE_OF, ps -> ps.setString(1, job.id()),
                            rs -> JobState.ofKey(rs.getString(1))).orElse(null);
                    throw new DuplicateJobException(job.id(), state, batchIndex);
                }
                if (clash == 100) {
                    throw new IllegalStateException("cannot find a free id for job number " + seq);
                }
                // A user took the number as an id; keep the number recognisable.
                id = seq + "-" + (clash + 1);
            }
        }
    }

    /** The job's rows in job_labels, which filters read. */
    static void insertLabels(Tx tx, java.util.Map<String, String> labels, long seq) throws SQLException {
        for (java.util.Map.Entry<String, String> label : labels.entrySet()) {
            tx.update(LabelSql.INSERT, ps -> {
                ps.setString(1, label.getKey());
                ps.setLong(2, seq);
                ps.setString(3, label.getValue());
            });
        }
    }

    /** Binds one row of an insert, its parameters starting after {@code offset}. */
    private static void bind(PreparedStatement ps, int offset, long seq, String id, NewJob job, long now,
                             int depsLeft) throws SQLException {
        long runAt = job.runAt() == null ? now : job.runAt().toEpochMilli();
        ps.setLong(offset + 1, seq);
        ps.setString(offset + 2, id);
        ps.setString(offset + 3, job.command());
        ps.setInt(offset + 4, job.maxRetries());
        ps.setInt(offset + 5, job.priority());
        ps.setLong(offset + 6, runAt);
        ps.setInt(offset + 7, depsLeft > 0 || runAt <= now ? 1 : 0);
        Tx.setNullableLong(ps, offset + 8, job.timeoutMs());
        ps.setLong(offset + 9, now);
        ps.setLong(offset + 10, now);
        ps.setString(offset + 11, job.cwd());
        ps.setString(offset + 12, JsonMaps.encode(job.env()));
        ps.setString(offset + 13, JsonMaps.encode(job.labels()));
        ps.setString(offset + 14, job.queue());
        ps.setInt(offset + 15, depsLeft);
    }
}

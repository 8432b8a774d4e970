package dev.queuectl.daemon.store;

import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.result.AttemptView;
import dev.queuectl.protocol.result.JobList;
import dev.queuectl.protocol.result.JobView;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** {@link JobStore} on one SQLite file: a group-committing writer and a pool of readers. */
final class SqliteJobStore implements JobStore {
    private static final int READERS = 2;

    private final Clock clock;
    private final StoreWriter writer;
    private final StoreReaders readers;
    /** The last seq handed out; touched only on the writer thread. */
    private long lastSeq = -1;

    private SqliteJobStore(Database database, Clock clock) throws SQLException {
        this.clock = clock;
        this.writer = new StoreWriter(database.writer());
        this.readers = new StoreReaders(database, READERS);
    }

    static SqliteJobStore open(Path file, Clock clock) {
        Database database = Database.open(file);
        try {
            return new SqliteJobStore(database, clock);
        } catch (SQLException e) {
            throw new StoreOpenException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- writes ----

    @Override
    public CompletableFuture<JobView> enqueue(NewJob job) {
        return writer.submit(tx -> {
            long before = lastSeq;
            long now = clock.millis();
            String id;
            try {
                id = insert(tx, job, now);
            } catch (SQLException | RuntimeException e) {
                lastSeq = before; // the savepoint is rolled back: hand the numbers out again
                throw e;
            }
            // The row as inserted, without reading it back.
            Instant at = Instant.ofEpochMilli(now);
            return new JobView(id, job.command(), JobState.PENDING, 0, job.maxRetries(), job.priority(),
                    job.runAt() == null ? at : job.runAt(),
                    job.timeoutMs() == null ? null : java.time.Duration.ofMillis(job.timeoutMs()), at, at, null, null,
                    null, null, null);
        });
    }

    /** Rows per multi-row INSERT in a batch. */
    private static final int ROWS_PER_INSERT = 100;

    @Override
    public CompletableFuture<List<String>> enqueueAll(List<NewJob> jobs) {
        return writer.submit(tx -> {
            long before = lastSeq;
            long now = clock.millis();
            try {
                return insertAll(tx, jobs, now);
            } catch (SQLException | RuntimeException e) {
                lastSeq = before;
                throw e;
            }
        });
    }

    /**
     * Inserts a batch a hundred rows per statement. If a statement hits a duplicate id, the
     * batch is tried again row by row to name the offending job; either way it is all or nothing.
     */
    private List<String> insertAll(Tx tx, List<NewJob> jobs, long now) throws SQLException {
        long first = lastSeq + 1;
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
                        bindInsert(ps, r * JobSql.INSERT_PARAMETERS, seq, idOf(job, seq), job, now);
                    }
                });
                for (int r = 0; r < ROWS_PER_INSERT; r++) {
                    ids.add(idOf(jobs.get(from + r), first + from + r));
                }
                i += ROWS_PER_INSERT;
            }
            lastSeq = first + i - 1;
            for (; i < jobs.size(); i++) {
                ids.add(insertRow(tx, jobs, i, now));
            }
            tx.execute("RELEASE batch");
            return ids;
        } catch (SQLiteException e) {
            tx.execute("ROLLBACK TO batch");
            tx.execute("RELEASE batch");
            if (!isUniqueViolation(e)) {
                throw e;
            }
            lastSeq = first - 1;
            ids.clear();
            for (int i = 0; i < jobs.size(); i++) {
                ids.add(insertRow(tx, jobs, i, now));
            }
            return ids;
        }
    }

    /** Inserts the i-th job of a batch; a refusal names it by its index. */
    private String insertRow(Tx tx, List<NewJob> jobs, int i, long now) throws SQLException {
        try {
            return insert(tx, jobs.get(i), now);
        } catch (ProtocolException e) {
            throw new ProtocolException(e.code(), "jobs[" + i + "]: " + e.getMessage() + "; none of the batch was enqueued");
        }
    }

    private static String idOf(NewJob job, long seq) {
        return job.id() != null ? job.id() : Long.toString(seq);
    }

    /** Inserts one job on the writer thread; returns its id. */
    private String insert(Tx tx, NewJob job, long now) throws SQLException {
        if (lastSeq < 0) {
            lastSeq = tx.queryOne(JobSql.LAST_SEQ, ps -> { }, rs -> rs.getLong(1)).orElse(0L);
        }
        long seq = ++lastSeq;
        String id = idOf(job, seq);
        for (int clash = 0; ; clash++) {
            try {
                String finalId = id;
                tx.update(JobSql.INSERT, ps -> bindInsert(ps, 0, seq, finalId, job, now));
                return id;
            } catch (SQLiteException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                if (job.id() != null) {
                    String state = tx.queryOne(JobSql.STATE_OF, ps -> ps.setString(1, job.id()),
                            rs -> rs.getString(1)).orElse("unknown");
                    throw new ProtocolException(ErrorCode.DUPLICATE_ID, "a job with id '" + job.id()
                            + "' already exists (state " + state + "); it was left untouched — choose another id");
                }
                // A user took the number as an id; keep the number recognisable.
                id = seq + "-" + (clash + 1);
            }
        }
    }

    /** Binds one row of an insert, its parameters starting after {@code offset}. */
    private static void bindInsert(PreparedStatement ps, int offset, long seq, String id, NewJob job, long now)
            throws SQLException {
        long runAt = job.runAt() == null ? now : job.runAt().toEpochMilli();
        ps.setLong(offset + 1, seq);
        ps.setString(offset + 2, id);
        ps.setString(offset + 3, job.command());
        ps.setInt(offset + 4, job.maxRetries());
        ps.setInt(offset + 5, job.priority());
        ps.setLong(offset + 6, runAt);
        ps.setInt(offset + 7, runAt <= now ? 1 : 0);
        Tx.setNullableLong(ps, offset + 8, job.timeoutMs());
        ps.setLong(offset + 9, now);
        ps.setLong(offset + 10, now);
    }

    private static boolean isUniqueViolation(SQLiteException e) {
        SQLiteErrorCode code = e.getResultCode();
        return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                || (code == SQLiteErrorCode.SQLITE_CONSTRAINT && String.valueOf(e.getMessage()).contains("UNIQUE"));
    }

    @Override
    public CompletableFuture<Void> saveConfig(Map<String, String> values) {
        return writer.submit(tx -> {
            for (Map.Entry<String, String> e : values.entrySet()) {
                tx.update(ConfigSql.UPSERT, ps -> {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                });
            }
            return null;
        });
    }

    // ---- the engine ----

    @Override
    public CompletableFuture<List<ClaimedRun>> claim(int max) {
        return writer.submitRelaxed(tx -> claimIn(tx, max));
    }

    @Override
    public CompletableFuture<FinishResult> finishAndClaim(RunEnd end, int claim) {
        return writer.submitRelaxed(tx -> {
            boolean applied = finishRun(tx, end);
            return new FinishResult(applied, claim > 0 ? claimIn(tx, claim) : List.of());
        });
    }

    /** Promotes jobs whose run_at has come, then claims up to {@code max} of the ready ones. Writer thread. */
    private List<ClaimedRun> claimIn(Tx tx, int max) throws SQLException {
        long now = clock.millis();
        tx.update(JobSql.PROMOTE, ps -> ps.setLong(1, now));
        List<ClaimedRun> claimed = tx.query(JobSql.CLAIMABLE, ps -> ps.setInt(1, max),
                rs -> new ClaimedRun(rs.getLong("seq"), rs.getString("id"), rs.getString("command"),
                        rs.getInt("runs") + 1, rs.getInt("attempts"), rs.getInt("max_retries"), rs.getInt("priority"),
                        Tx.nullableLong(rs, "timeout_ms"), JobRows.instant(rs, "created_at"),
                        JobRows.instant(rs, "run_at"), Instant.ofEpochMilli(now)));
        for (ClaimedRun run : claimed) {
            int taken = tx.update(JobSql.TAKE, ps -> {
                ps.setLong(1, now);
                ps.setLong(2, now);
                ps.setLong(3, run.seq());
            });
            if (taken != 1) {
                throw new IllegalStateException("claimed job " + run.id() + " was not claimable");
            }
        }
        return claimed;
    }

    @Override
    public void recordStart(RunStart start) {
        writer.defer(tx -> {
            tx.update(AttemptSql.START, ps -> {
                ps.setLong(1, start.seq());
                ps.setInt(2, start.attempt());
                ps.setLong(3, start.startedAt().toEpochMilli());
                ps.setInt(4, start.pid());
                ps.setInt(5, start.pgid());
                ps.setLong(6, start.procStart());
                ps.setString(7, start.bootId());
            });
            return null;
        });
    }

    private static boolean finishRun(Tx tx, RunEnd end) throws SQLException {
        long at = end.finishedAt().toEpochMilli();
        int updated = tx.update(AttemptSql.FINISH, ps -> {
            ps.setLong(1, at);
            ps.setString(2, end.outcome().wireName());
            setNullableInt(ps, 3, end.exitCode());
            ps.setString(4, end.error());
            ps.setLong(5, end.outputDropped());
            ps.setLong(6, end.seq());
            ps.setInt(7, end.attempt());
        });
        if (updated == 0) {
            tx.update(AttemptSql.FINISH_UNSTARTED, ps -> {
                ps.setLong(1, end.seq());
                ps.setInt(2, end.attempt());
                ps.setLong(3, end.seq());
                ps.setLong(4, at);
                ps.setString(5, end.outcome().wireName());
                setNullableInt(ps, 6, end.exitCode());
                ps.setString(7, end.error());
                ps.setLong(8, end.outputDropped());
            });
        }
        int rows = tx.update(JobSql.finish(end.transition()), ps -> {
            ps.setInt(1, end.outcome().counted() ? 1 : 0);
            setNullableInt(ps, 2, end.exitCode());
            ps.setString(3, end.error());
            ps.setLong(4, at);
            ps.setLong(5, at);
            Tx.setNullableLong(ps, 6, end.retryAt() == null ? null : end.retryAt().toEpochMilli());
            ps.setInt(7, end.transition() == dev.queuectl.daemon.job.Transition.RETRY_LATER ? 0 : 1);
            ps.setLong(8, end.seq());
        });
        return rows == 1;
    }

    private static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    @Override
    public CompletableFuture<Optional<java.time.Instant>> oldestDue() {
        return readers.submit(tx -> tx.queryOne(JobSql.OLDEST_DUE, ps -> { }, rs -> JobRows.instant(rs, "oldest")));
    }

    @Override
    public CompletableFuture<Optional<java.time.Instant>> nextDue() {
        return readers.submit(tx -> tx.queryOne(JobSql.NEXT_DUE, ps -> { }, rs -> JobRows.instant(rs, "next")));
    }

    /** The job's seq and state, or NOT_FOUND. Writer thread. */
    private static OutputLocation require(Tx tx, String id) throws SQLException {
        return tx.queryOne(JobSql.SEQ_STATE_BY_ID, ps -> ps.setString(1, id),
                rs -> new OutputLocation(rs.getLong(1), id, rs.getInt(3), JobState.parse(rs.getString(2))))
                .orElseThrow(() -> ProtocolException.notFound(id));
    }

    private static JobView view(Tx tx, String id) throws SQLException {
        return tx.queryOne(JobSql.BY_ID, ps -> ps.setString(1, id), rs -> JobRows.job(rs, null)).orElseThrow();
    }

    @Override
    public CompletableFuture<JobView> cancel(String id) {
        return writer.submit(tx -> {
            OutputLocation job = require(tx, id);
            int rows = tx.update(JobSql.CANCEL, ps -> {
                ps.setLong(1, clock.millis());
                ps.setLong(2, job.seq());
            });
            if (rows == 0) {
                throw new IllegalTransitionException(job.state(), "job '" + id + "' is " + job.state().wireName()
                        + "; only pending, failed and running jobs can be cancelled");
            }
            return view(tx, id);
        });
    }

    @Override
    public CompletableFuture<JobView> revive(String id) {
        return writer.submit(tx -> {
            OutputLocation job = require(tx, id);
            if (reviveSeq(tx, job.seq()) == 0) {
                throw new IllegalTransitionException(job.state(), "job '" + id + "' is " + job.state().wireName()
                        + ", not dead; only jobs in the dead-letter queue can be retried");
            }
            return view(tx, id);
        });
    }

    private int reviveSeq(Tx tx, long seq) throws SQLException {
        long now = clock.millis();
        return tx.update(JobSql.REVIVE, ps -> {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setLong(3, seq);
        });
    }

    @Override
    public CompletableFuture<Integer> reviveAllDead() {
        return writer.submit(tx -> {
            int n = 0;
            for (long seq : tx.query(JobSql.DEAD_SEQS, ps -> { }, rs -> rs.getLong(1))) {
                n += reviveSeq(tx, seq);
            }
            return n;
        });
    }

    @Override
    public CompletableFuture<OutputLocation> purge(String id) {
        return writer.submit(tx -> {
            OutputLocation job = require(tx, id);
            if (job.state() != JobState.DEAD) {
                throw new IllegalTransitionException(job.state(), "job '" + id + "' is " + job.state().wireName()
                        + ", not dead; only jobs in the dead-letter queue can be purged");
            }
            delete(tx, job.seq());
            return job;
        });
    }

    private static void delete(Tx tx, long seq) throws SQLException {
        tx.update(AttemptSql.DELETE_FOR_JOB, ps -> ps.setLong(1, seq));
        tx.update(JobSql.DELETE, ps -> ps.setLong(1, seq));
    }

    @Override
    public CompletableFuture<List<OutputLocation>> purgeAllDead() {
        return writer.submit(tx -> {
            List<OutputLocation> dead = tx.query(JobSql.DEAD_JOBS, ps -> { },
                    rs -> new OutputLocation(rs.getLong(1), rs.getString(2), rs.getInt(3), JobState.DEAD));
            for (OutputLocation job : dead) {
                delete(tx, job.seq());
            }
            return dead;
        });
    }

    @Override
    public CompletableFuture<List<OutputLocation>> prune(JobState state, java.time.Instant before, int batch) {
        if (state != JobState.COMPLETED && state != JobState.DEAD) {
            throw new IllegalArgumentException("only finished jobs are pruned");
        }
        return writer.submit(tx -> {
            List<OutputLocation> gone = tx.query(JobSql.PRUNE, ps -> {
                ps.setString(1, state.wireName());
                ps.setLong(2, before.toEpochMilli());
                ps.setInt(3, batch);
            }, rs -> new OutputLocation(rs.getLong(1), rs.getString(2), rs.getInt(3), state));
            for (OutputLocation job : gone) {
                tx.update(AttemptSql.DELETE_FOR_JOB, ps -> ps.setLong(1, job.seq()));
            }
            return gone;
        });
    }

    @Override
    public CompletableFuture<List<InProgressRun>> runsInProgress() {
        return writer.submit(tx -> tx.query(JobSql.IN_PROGRESS, ps -> { }, rs -> new InProgressRun(rs.getLong(1),
                rs.getString(2), rs.getInt(3), Tx.nullableInt(rs, "pid"), Tx.nullableInt(rs, "pgid"),
                Tx.nullableLong(rs, "proc_start"), rs.getString("boot_id"))));
    }

    @Override
    public CompletableFuture<Integer> interrupt(List<InProgressRun> runs, String reason) {
        return writer.submit(tx -> {
            java.time.Instant now = clock.instant();
            int n = 0;
            for (InProgressRun r : runs) {
                String why = "run " + r.attempt() + " interrupted: " + reason;
                RunEnd end = new RunEnd(r.seq(), r.id(), r.attempt(), RunOutcome.INTERRUPTED, null, why, why, now,
                        dev.queuectl.daemon.job.Transition.INTERRUPT, null, 0);
                if (finishRun(tx, end)) {
                    n++;
                }
            }
            return n;
        });
    }

    @Override
    public CompletableFuture<Long> outputDropped(long seq, int attempt) {
        return readers.submit(tx -> tx.queryOne(AttemptSql.OUTPUT_DROPPED, ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, attempt);
        }, rs -> rs.getLong(1)).orElse(0L));
    }

    @Override
    public CompletableFuture<Optional<OutputLocation>> locate(String id) {
        return readers.submit(tx -> tx.queryOne(JobSql.SEQ_STATE_BY_ID, ps -> ps.setString(1, id),
                rs -> new OutputLocation(rs.getLong(1), id, rs.getInt(3), JobState.parse(rs.getString(2)))));
    }

    // ---- reads ----

    @Override
    public CompletableFuture<Optional<JobView>> find(String id) {
        return readers.submit(tx -> {
            tx.execute("BEGIN");
            try {
                Optional<Long> seq = tx.queryOne("SELECT seq FROM jobs WHERE id = ?", ps -> ps.setString(1, id),
                        rs -> rs.getLong(1));
                if (seq.isEmpty()) {
                    return Optional.empty();
                }
                List<AttemptView> history = tx.query(AttemptSql.FOR_JOB, ps -> ps.setLong(1, seq.get()),
                        JobRows::attempt);
                return tx.queryOne(JobSql.BY_ID, ps -> ps.setString(1, id), rs -> JobRows.job(rs, history));
            } finally {
                tx.execute("COMMIT");
            }
        });
    }

    @Override
    public CompletableFuture<JobList> list(JobState state, int limit, boolean newestFirst) {
        return readers.submit(tx -> {
            tx.execute("BEGIN");
            try {
                List<JobView> jobs;
                if (state == null) {
                    jobs = tx.query(newestFirst ? JobSql.LIST_ALL_NEWEST : JobSql.LIST_ALL_OLDEST,
                            ps -> ps.setInt(1, limit), rs -> JobRows.job(rs, null));
                } else {
                    jobs = tx.query(newestFirst ? JobSql.LIST_STATE_NEWEST : JobSql.LIST_STATE_OLDEST, ps -> {
                        ps.setString(1, state.wireName());
                        ps.setInt(2, limit);
                    }, rs -> JobRows.job(rs, null));
                }
                Map<JobState, Long> counts = readCounts(tx);
                long total = state == null
                        ? counts.values().stream().mapToLong(Long::longValue).sum()
                        : counts.get(state);
                return new JobList(jobs, total);
            } finally {
                tx.execute("COMMIT");
            }
        });
    }

    @Override
    public CompletableFuture<Map<JobState, Long>> counts() {
        return readers.submit(SqliteJobStore::readCounts);
    }

    private static Map<JobState, Long> readCounts(Tx tx) throws SQLException {
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            counts.put(s, 0L);
        }
        tx.query(JobSql.COUNTS, ps -> { }, rs -> counts.put(JobState.parse(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    @Override
    public CompletableFuture<Map<String, String>> loadConfig() {
        return readers.submit(tx -> {
            Map<String, String> values = new LinkedHashMap<>();
            tx.query(ConfigSql.ALL, ps -> { }, rs -> values.put(rs.getString(1), rs.getString(2)));
            return values;
        });
    }

    @Override
    public void close() {
        writer.close();
        readers.close();
    }
}

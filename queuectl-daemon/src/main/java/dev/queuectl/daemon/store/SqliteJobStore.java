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
            String id;
            try {
                id = insert(tx, job);
            } catch (SQLException | RuntimeException e) {
                lastSeq = before; // the savepoint is rolled back: hand the numbers out again
                throw e;
            }
            return tx.queryOne(JobSql.BY_ID, ps -> ps.setString(1, id), rs -> JobRows.job(rs, null)).orElseThrow();
        });
    }

    @Override
    public CompletableFuture<List<String>> enqueueAll(List<NewJob> jobs) {
        return writer.submit(tx -> {
            long before = lastSeq;
            List<String> ids = new ArrayList<>(jobs.size());
            for (int i = 0; i < jobs.size(); i++) {
                try {
                    ids.add(insert(tx, jobs.get(i)));
                } catch (ProtocolException e) {
                    lastSeq = before;
                    throw new ProtocolException(e.code(), "jobs[" + i + "]: " + e.getMessage()
                            + "; none of the batch was enqueued");
                } catch (SQLException | RuntimeException e) {
                    lastSeq = before;
                    throw e;
                }
            }
            return ids;
        });
    }

    /** Inserts one job on the writer thread; returns its id. */
    private String insert(Tx tx, NewJob job) throws SQLException {
        if (lastSeq < 0) {
            lastSeq = tx.queryOne(JobSql.LAST_SEQ, ps -> { }, rs -> rs.getLong(1)).orElse(0L);
        }
        long seq = ++lastSeq;
        long now = clock.millis();
        String id = job.id() != null ? job.id() : Long.toString(seq);
        for (int clash = 0; ; clash++) {
            try {
                String finalId = id;
                tx.update(JobSql.INSERT, ps -> bindInsert(ps, seq, finalId, job, now));
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

    private static void bindInsert(PreparedStatement ps, long seq, String id, NewJob job, long now)
            throws SQLException {
        ps.setLong(1, seq);
        ps.setString(2, id);
        ps.setString(3, job.command());
        ps.setInt(4, job.maxRetries());
        ps.setInt(5, job.priority());
        ps.setLong(6, job.runAt() == null ? now : job.runAt().toEpochMilli());
        Tx.setNullableLong(ps, 7, job.timeoutMs());
        ps.setLong(8, now);
        ps.setLong(9, now);
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

package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.Queue;
import dev.queuectl.daemon.job.QueueChange;
import dev.queuectl.daemon.store.QueueRefusedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SQL work of queues: reading them with their counts, and changing their settings. */
final class QueueRecords {
    private QueueRecords() {
    }

    /** A queue's row, before its counts are added. */
    private record Row(String name, Integer concurrency, boolean paused, Integer maxRetries, Long timeoutMs) {
    }

    static List<Queue> all(Tx tx, boolean oldestDue) throws SQLException {
        List<Row> rows = tx.query(QueueSql.ALL, ps -> { }, QueueRecords::row);
        Map<String, Map<JobState, Long>> counts = new HashMap<>();
        tx.query(QueueSql.COUNTS, ps -> { }, rs -> counts.computeIfAbsent(rs.getString(1), q -> zeros())
                .put(JobState.ofKey(rs.getString(2)), rs.getLong(3)));
        List<Queue> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(queue(tx, r, counts.getOrDefault(r.name(), zeros()), oldestDue));
        }
        return out;
    }

    static Queue one(Tx tx, String name) throws SQLException {
        Row r = tx.queryOne(QueueSql.ONE, ps -> ps.setString(1, name), QueueRecords::row)
                .orElseThrow(() -> new QueueRefusedException(name, QueueRefusedException.Reason.NOT_FOUND, 0));
        Map<JobState, Long> counts = zeros();
        tx.query(QueueSql.COUNTS_OF, ps -> ps.setString(1, name),
                rs -> counts.put(JobState.ofKey(rs.getString(2)), rs.getLong(3)));
        return queue(tx, r, counts, true);
    }

    static Queue save(Tx tx, String name, QueueChange c, boolean create, long now) throws SQLException {
        boolean exists = tx.queryOne(QueueSql.ONE, ps -> ps.setString(1, name), QueueRecords::row).isPresent();
        if (create && exists) {
            throw new QueueRefusedException(name, QueueRefusedException.Reason.EXISTS, 0);
        }
        if (create) {
            tx.update(QueueSql.INSERT, ps -> {
                ps.setString(1, name);
                Tx.setNullableLong(ps, 2, c.concurrency() == null ? null : (long) c.concurrency());
                Tx.setNullableLong(ps, 3, c.maxRetries() == null ? null : (long) c.maxRetries());
                Tx.setNullableLong(ps, 4, c.timeoutMs());
                ps.setLong(5, now);
            });
            return one(tx, name);
        }
        Queue q = one(tx, name);
        Integer concurrency = c.clearConcurrency() ? null : c.concurrency() != null ? c.concurrency() : q.concurrency();
        Integer maxRetries = c.clearMaxRetries() ? null : c.maxRetries() != null ? c.maxRetries() : q.maxRetries();
        Long timeout = c.clearTimeout() ? null : c.timeoutMs() != null ? c.timeoutMs()
                : q.timeout() == null ? null : q.timeout().toMillis();
        tx.update(QueueSql.UPDATE, ps -> {
            Tx.setNullableLong(ps, 1, concurrency == null ? null : (long) concurrency);
            Tx.setNullableLong(ps, 2, maxRetries == null ? null : (long) maxRetries);
            Tx.setNullableLong(ps, 3, timeout);
            ps.setString(4, name);
        });
        return one(tx, name);
    }

    /** Pauses or resumes every named queue, or none if one of them does not exist. */
    static List<Queue> pause(Tx tx, List<String> names, boolean paused) throws SQLException {
        for (String name : names) {
            one(tx, name);
        }
        List<Queue> out = new ArrayList<>(names.size());
        for (String name : names) {
            tx.update(QueueSql.PAUSE, ps -> {
                ps.setInt(1, paused ? 1 : 0);
                ps.setString(2, name);
            });
            out.add(one(tx, name));
        }
        return out;
    }

    static void remove(Tx tx, String name) throws SQLException {
        Queue q = one(tx, name);
        if (q.jobs() > 0) {
            throw new QueueRefusedException(name, QueueRefusedException.Reason.NOT_EMPTY, q.jobs());
        }
        tx.update(QueueSql.DELETE, ps -> ps.setString(1, name));
        tx.update(QueueSql.DELETE_COUNTS, ps -> ps.setString(1, name));
    }

    /** What a job enqueued into a queue without its own settings inherits; nulls: the configured defaults. */
    record Defaults(Integer maxRetries, Long timeoutMs) {
        static final Defaults NONE = new Defaults(null, null);
    }

    /** The queue's defaults; none for a queue not created yet. */
    static Defaults defaults(Tx tx, String name) throws SQLException {
        return tx.queryOne(QueueSql.DEFAULTS, ps -> ps.setString(1, name),
                rs -> new Defaults(Tx.nullableInt(rs, "max_retries"), Tx.nullableLong(rs, "timeout_ms")))
                .orElse(Defaults.NONE);
    }

    private static Queue queue(Tx tx, Row r, Map<JobState, Long> counts, boolean oldestDue) throws SQLException {
        Long oldest = !oldestDue ? null : tx.queryOne(QueueSql.OLDEST_DUE, ps -> ps.setString(1, r.name()),
                rs -> Tx.nullableLong(rs, "oldest")).orElse(null);
        return new Queue(r.name(), r.concurrency(), r.paused(), r.maxRetries(),
                r.timeoutMs() == null ? null : Duration.ofMillis(r.timeoutMs()), counts,
                oldest == null ? null : java.time.Instant.ofEpochMilli(oldest));
    }

    private static Row row(ResultSet rs) throws SQLException {
        Long timeout = Tx.nullableLong(rs, "timeout_ms");
        return new Row(rs.getString("name"), Tx.nullableInt(rs, "concurrency"), rs.getInt("paused") != 0,
                Tx.nullableInt(rs, "max_retries"), timeout);
    }

    private static Map<JobState, Long> zeros() {
        Map<JobState, Long> m = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            m.put(s, 0L);
        }
        return m;
    }
}

package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.Queue;
import dev.queuectl.daemon.job.QueueChange;
import dev.queuectl.daemon.store.QueueRefusedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The SQL work of queues on PostgreSQL, inside transactions. A queue's concurrency holds across
 * nodes: a claim locks the row of each limited queue it takes from (in name order, so claims never
 * deadlock) and counts that queue's runs on every node before taking any.
 */
final class PgQueues {
    private PgQueues() {
    }

    private static final String COLUMNS = "name, concurrency, paused, max_retries, timeout_ms";
    static final String ALL = "SELECT " + COLUMNS + " FROM queues ORDER BY name";
    static final String ONE = "SELECT " + COLUMNS + " FROM queues WHERE name = ?";
    /** Kept by the queue count triggers (V002): sums over slots, never a scan of the jobs. */
    static final String COUNTS = "SELECT queue, state, sum(n) FROM queue_counts GROUP BY queue, state";
    static final String COUNTS_OF = "SELECT queue, state, sum(n) FROM queue_counts WHERE queue = ?"
            + " GROUP BY queue, state";
    static final String OLDEST_DUE = "SELECT min(run_at) FROM jobs WHERE queue = ? AND state IN ('pending', 'failed')"
            + " AND ready AND NOT held AND deps_left = 0";
    static final String CREATE = "INSERT INTO queues (name, created_at) SELECT unnest(?::text[]), ?"
            + " ON CONFLICT DO NOTHING";
    static final String DEFAULTS = "SELECT name, max_retries, timeout_ms FROM queues WHERE name = ANY (?::text[])";
    static final String INSERT = "INSERT INTO queues (name, concurrency, max_retries, timeout_ms, created_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String UPDATE = "UPDATE queues SET concurrency = ?, max_retries = ?, timeout_ms = ? WHERE name = ?";
    static final String PAUSE = "UPDATE queues SET paused = ? WHERE name = ANY (?::text[])";
    static final String DELETE = "DELETE FROM queues WHERE name = ?";
    static final String DELETE_COUNTS = "DELETE FROM queue_counts WHERE queue = ?";
    /** The queues a claim may take from: not paused, with claimable jobs (a probe of jobs_ready each). */
    static final String OPEN = "SELECT q.name, q.concurrency FROM queues q WHERE NOT q.paused AND EXISTS"
            + " (SELECT 1 FROM jobs j WHERE j.queue = q.name AND j.state IN ('pending', 'failed') AND j.ready"
            + " AND NOT j.held AND j.deps_left = 0) ORDER BY q.name";
    static final String LOCK = "SELECT concurrency FROM queues WHERE name = ? AND NOT paused FOR UPDATE";
    /** A queue's runs on every node (index jobs_running: runs in progress are few, at most the cluster's workers). */
    static final String RUNNING = "SELECT count(*) FROM jobs WHERE queue = ? AND state = 'processing'";

    /** A queue the claim may take from, and how many more of its jobs may run (null: no limit). */
    record Open(String name, Integer room) {
    }

    /** The open queues, each limited one locked with its room counted across nodes. */
    static List<Open> open(PgTx tx) throws SQLException {
        List<Open> candidates = tx.query(OPEN, ps -> { },
                rs -> new Open(rs.getString(1), PgTx.nullableInt(rs, "concurrency")));
        List<Open> out = new ArrayList<>();
        for (Open q : candidates) {
            if (q.room() == null) {
                out.add(q);
                continue;
            }
            Integer limit = tx.queryOne(LOCK, ps -> ps.setString(1, q.name()), rs -> PgTx.nullableInt(rs, "concurrency"))
                    .orElse(null);
            if (limit == null) {
                if (tx.queryOne(ONE, ps -> ps.setString(1, q.name()), rs -> !rs.getBoolean("paused")).orElse(false)) {
                    out.add(new Open(q.name(), null));
                }
                continue;
            }
            long running = tx.queryOne(RUNNING, ps -> ps.setString(1, q.name()), rs -> rs.getLong(1)).orElse(0L);
            if (running < limit) {
                out.add(new Open(q.name(), (int) (limit - running)));
            }
        }
        return out;
    }

    /** Creates the queues of inserted jobs that are used for the first time. */
    static void create(PgTx tx, List<NewJob> jobs, long now) throws SQLException {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(jobs.stream().map(NewJob::queue).toList()));
        tx.update(CREATE, ps -> {
            ps.setArray(1, tx.texts(names));
            ps.setLong(2, now);
        });
    }

    /** The jobs with their queues' max_retries and timeout where they have none (a queue not created yet has none). */
    static List<NewJob> withDefaults(PgTx tx, List<NewJob> jobs) throws SQLException {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(jobs.stream().map(NewJob::queue).toList()));
        Map<String, Integer> retries = new HashMap<>();
        Map<String, Long> timeouts = new HashMap<>();
        tx.query(DEFAULTS, ps -> ps.setArray(1, tx.texts(names)), rs -> {
            retries.put(rs.getString(1), PgTx.nullableInt(rs, "max_retries"));
            return timeouts.put(rs.getString(1), PgTx.nullableLong(rs, "timeout_ms"));
        });
        List<NewJob> out = new ArrayList<>(jobs.size());
        for (NewJob j : jobs) {
            Integer r = retries.get(j.queue());
            Long t = timeouts.get(j.queue());
            boolean useRetries = j.maxRetriesIsDefault() && r != null;
            boolean useTimeout = j.timeoutMs() == null && t != null;
            out.add(!useRetries && !useTimeout ? j : new NewJob(j.id(), j.command(), useRetries ? r : j.maxRetries(),
                    j.priority(), j.runAt(), useTimeout ? t : j.timeoutMs(), j.cwd(), j.env(), j.labels(), j.queue(),
                    j.after(), false));
        }
        return out;
    }

    static List<Queue> all(PgTx tx, boolean oldestDue) throws SQLException {
        Map<String, Map<JobState, Long>> counts = new HashMap<>();
        tx.query(COUNTS, ps -> { }, rs -> counts.computeIfAbsent(rs.getString(1), q -> zeros())
                .put(JobState.ofKey(rs.getString(2)), rs.getLong(3)));
        List<Queue> out = new ArrayList<>();
        for (Queue q : tx.query(ALL, ps -> { }, PgQueues::row)) {
            out.add(complete(tx, q, counts.getOrDefault(q.name(), zeros()), oldestDue));
        }
        return out;
    }

    static Queue one(PgTx tx, String name) throws SQLException {
        Queue q = tx.queryOne(ONE, ps -> ps.setString(1, name), PgQueues::row)
                .orElseThrow(() -> new QueueRefusedException(name, QueueRefusedException.Reason.NOT_FOUND, 0));
        Map<JobState, Long> counts = zeros();
        tx.query(COUNTS_OF, ps -> ps.setString(1, name), rs -> counts.put(JobState.ofKey(rs.getString(2)), rs.getLong(3)));
        return complete(tx, q, counts, true);
    }

    static Queue save(PgTx tx, String name, QueueChange c, boolean create, long now) throws SQLException {
        if (create) {
            int made = tx.update(INSERT, ps -> {
                ps.setString(1, name);
                PgTx.setNullableInt(ps, 2, c.concurrency());
                PgTx.setNullableInt(ps, 3, c.maxRetries());
                PgTx.setNullableLong(ps, 4, c.timeoutMs());
                ps.setLong(5, now);
            });
            if (made == 0) {
                throw new QueueRefusedException(name, QueueRefusedException.Reason.EXISTS, 0);
            }
            return one(tx, name);
        }
        Queue q = one(tx, name);
        Integer concurrency = c.clearConcurrency() ? null : c.concurrency() != null ? c.concurrency() : q.concurrency();
        Integer retries = c.clearMaxRetries() ? null : c.maxRetries() != null ? c.maxRetries() : q.maxRetries();
        Long timeout = c.clearTimeout() ? null : c.timeoutMs() != null ? c.timeoutMs()
                : q.timeout() == null ? null : q.timeout().toMillis();
        tx.update(UPDATE, ps -> {
            PgTx.setNullableInt(ps, 1, concurrency);
            PgTx.setNullableInt(ps, 2, retries);
            PgTx.setNullableLong(ps, 3, timeout);
            ps.setString(4, name);
        });
        return one(tx, name);
    }

    static List<Queue> pause(PgTx tx, List<String> names, boolean paused) throws SQLException {
        for (String name : names) {
            one(tx, name);
        }
        tx.update(PAUSE, ps -> {
            ps.setBoolean(1, paused);
            ps.setArray(2, tx.texts(names));
        });
        List<Queue> out = new ArrayList<>();
        for (String name : names) {
            out.add(one(tx, name));
        }
        return out;
    }

    static void remove(PgTx tx, String name) throws SQLException {
        Queue q = one(tx, name);
        if (q.jobs() > 0) {
            throw new QueueRefusedException(name, QueueRefusedException.Reason.NOT_EMPTY, q.jobs());
        }
        tx.update(DELETE, ps -> ps.setString(1, name));
        tx.update(DELETE_COUNTS, ps -> ps.setString(1, name));
    }

    private static Queue complete(PgTx tx, Queue q, Map<JobState, Long> counts, boolean oldestDue) throws SQLException {
        Long oldest = !oldestDue ? null : tx.queryOne(OLDEST_DUE, ps -> ps.setString(1, q.name()),
                rs -> PgTx.nullableLong(rs, "min")).orElse(null);
        return new Queue(q.name(), q.concurrency(), q.paused(), q.maxRetries(), q.timeout(), counts,
                oldest == null ? null : Instant.ofEpochMilli(oldest));
    }

    private static Queue row(ResultSet rs) throws SQLException {
        Long timeout = PgTx.nullableLong(rs, "timeout_ms");
        return new Queue(rs.getString("name"), PgTx.nullableInt(rs, "concurrency"), rs.getBoolean("paused"),
                PgTx.nullableInt(rs, "max_retries"), timeout == null ? null : Duration.ofMillis(timeout), zeros(), null);
    }

    private static Map<JobState, Long> zeros() {
        Map<JobState, Long> m = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            m.put(s, 0L);
        }
        return m;
    }
}

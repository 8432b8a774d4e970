package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.FireOutcome;
import dev.queuectl.daemon.job.Firing;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.JobTemplate;
import dev.queuectl.daemon.job.NewSchedule;
import dev.queuectl.daemon.job.Schedule;
import dev.queuectl.daemon.store.JsonMaps;
import dev.queuectl.daemon.store.ScheduleRefusedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schedules on PostgreSQL, inside transactions: the same rules as the SQLite store
 * ({@link Schedule#decide}). A firing locks its schedule's row ({@code FOR UPDATE SKIP LOCKED}:
 * a schedule another node is firing is left to it), inserts its job and records itself in one
 * transaction, conditional on the next_fire it read, so it happens once across nodes.
 */
final class PgSchedules {
    private PgSchedules() {
    }

    private static final String COLUMNS = "s.name, s.cron, s.zone, s.every_ms, s.command, s.queue, s.priority,"
            + " s.max_retries, s.timeout_ms, s.cwd, s.env, s.labels, s.catch_up, s.overlap, s.paused, s.created_at,"
            + " s.next_fire, s.last_fire, s.last_outcome, s.last_job, s.skipped, s.missed,"
            + " (SELECT j.state FROM jobs j WHERE j.id = s.last_job) AS last_state";
    private static final String ALL = "SELECT " + COLUMNS + " FROM schedules s ORDER BY s.name";
    private static final String ONE = "SELECT " + COLUMNS + " FROM schedules s WHERE s.name = ?";
    private static final String DUE = "SELECT " + COLUMNS + " FROM schedules s WHERE NOT s.paused AND s.next_fire <= ?"
            + " ORDER BY s.next_fire LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String NEXT_FIRE = "SELECT min(next_fire) FROM schedules WHERE NOT paused";
    private static final String INSERT = "INSERT INTO schedules (name, cron, zone, every_ms, command, queue, priority,"
            + " max_retries, timeout_ms, cwd, env, labels, catch_up, overlap, created_at, next_fire)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String RECORD = "UPDATE schedules SET next_fire = ?, last_fire = ?, last_outcome = ?,"
            + " last_job = coalesce(?, last_job), skipped = skipped + ?, missed = missed + ?"
            + " WHERE name = ? AND next_fire = ?";
    private static final String RECORD_RUN = "UPDATE schedules SET last_fire = ?, last_outcome = 'run', last_job = ?"
            + " WHERE name = ?";
    private static final String PAUSE = "UPDATE schedules SET paused = ?, next_fire = ? WHERE name = ?";
    private static final String DELETE = "DELETE FROM schedules WHERE name = ?";

    static Schedule add(PgTx tx, NewSchedule s, long now) throws SQLException {
        Instant created = Instant.ofEpochMilli(now);
        Schedule draft = new Schedule(s.name(), s.cron(), s.zone(), s.every(), s.job(), s.catchUpOne(),
                s.overlapSkip(), false, created, created, null, null, null, null, 0, 0);
        Instant next = draft.times().next(created);
        JobTemplate j = s.job();
        int made = tx.update(INSERT, ps -> {
            ps.setString(1, s.name());
            ps.setString(2, s.cron());
            ps.setString(3, s.zone());
            PgTx.setNullableLong(ps, 4, s.every() == null ? null : s.every().toMillis());
            ps.setString(5, j.command());
            ps.setString(6, j.queue());
            ps.setInt(7, j.priority());
            PgTx.setNullableInt(ps, 8, j.maxRetries());
            PgTx.setNullableLong(ps, 9, j.timeoutMs());
            ps.setString(10, j.cwd());
            ps.setString(11, JsonMaps.encode(j.env()));
            ps.setString(12, JsonMaps.encode(j.labels()));
            ps.setString(13, s.catchUpOne() ? "one" : "none");
            ps.setString(14, s.overlapSkip() ? "skip" : "queue");
            ps.setLong(15, now);
            ps.setLong(16, next.toEpochMilli());
        });
        if (made == 0) {
            throw new ScheduleRefusedException(s.name(), true);
        }
        return require(tx, s.name());
    }

    static Optional<Schedule> find(PgTx tx, String name) throws SQLException {
        return tx.queryOne(ONE, ps -> ps.setString(1, name), PgSchedules::row);
    }

    static Schedule require(PgTx tx, String name) throws SQLException {
        return find(tx, name).orElseThrow(() -> new ScheduleRefusedException(name, false));
    }

    static List<Schedule> all(PgTx tx) throws SQLException {
        return tx.query(ALL, ps -> { }, PgSchedules::row);
    }

    static Optional<Instant> nextFire(PgTx tx) throws SQLException {
        return tx.queryOne(NEXT_FIRE, ps -> { }, rs -> PgRows.instant(rs, "min"));
    }

    static Schedule pause(PgTx tx, String name, boolean paused, long now) throws SQLException {
        Schedule s = require(tx, name);
        Instant next = paused ? s.nextFire() : s.times().next(Instant.ofEpochMilli(now));
        tx.update(PAUSE, ps -> {
            ps.setBoolean(1, paused);
            ps.setLong(2, next.toEpochMilli());
            ps.setString(3, name);
        });
        return require(tx, name);
    }

    static void remove(PgTx tx, String name) throws SQLException {
        require(tx, name);
        tx.update(DELETE, ps -> ps.setString(1, name));
    }

    static List<Firing> fireDue(PgTx tx, long now, int defaultMaxRetries, int max) throws SQLException {
        List<Schedule> due = tx.query(DUE, ps -> {
            ps.setLong(1, now);
            ps.setInt(2, max);
        }, PgSchedules::row);
        List<Firing> out = new ArrayList<>(due.size());
        for (Schedule s : due) {
            Schedule.Decision d = s.decide(Instant.ofEpochMilli(now));
            String jobId = null;
            if (d.outcome() == FireOutcome.FIRED || d.outcome() == FireOutcome.CAUGHT_UP) {
                jobId = enqueue(tx, s, d.fireTime(), now, defaultMaxRetries);
            }
            String job = jobId;
            int recorded = tx.update(RECORD, ps -> {
                ps.setLong(1, d.next().toEpochMilli());
                ps.setLong(2, d.fireTime().toEpochMilli());
                ps.setString(3, d.outcome().key());
                ps.setString(4, job);
                ps.setInt(5, d.outcome() == FireOutcome.SKIPPED ? 1 : 0);
                ps.setInt(6, d.outcome() == FireOutcome.MISSED ? 1 : 0);
                ps.setString(7, s.name());
                ps.setLong(8, s.nextFire().toEpochMilli());
            });
            if (recorded != 1) {
                throw new IllegalStateException("schedule " + s.name() + " changed while it fired");
            }
            out.add(new Firing(s.name(), d.fireTime(), jobId, d.outcome()));
        }
        return out;
    }

    static Firing runNow(PgTx tx, String name, long now, int defaultMaxRetries) throws SQLException {
        Schedule s = require(tx, name);
        Instant at = Instant.ofEpochMilli(now);
        String jobId = enqueue(tx, s, at, now, defaultMaxRetries);
        tx.update(RECORD_RUN, ps -> {
            ps.setLong(1, now);
            ps.setString(2, jobId);
            ps.setString(3, name);
        });
        return new Firing(name, at, jobId, FireOutcome.RUN);
    }

    /** Inserts the firing's job unless a job has its id already (the same firing, made before). */
    private static String enqueue(PgTx tx, Schedule s, Instant at, long now, int defaultMaxRetries)
            throws SQLException {
        String id = Firing.jobId(s.name(), at);
        if (tx.queryOne(PgJobSql.STATE_OF, ps -> ps.setString(1, id), rs -> true).isEmpty()) {
            PgInserts.insert(tx, List.of(s.jobAt(at, defaultMaxRetries)), now, true);
        }
        return id;
    }

    private static Schedule row(ResultSet rs) throws SQLException {
        Long every = PgTx.nullableLong(rs, "every_ms");
        String lastState = rs.getString("last_state");
        JobTemplate job = new JobTemplate(rs.getString("command"), rs.getString("queue"), rs.getInt("priority"),
                PgTx.nullableInt(rs, "max_retries"), PgTx.nullableLong(rs, "timeout_ms"), rs.getString("cwd"),
                JsonMaps.decode(rs.getString("env")), JsonMaps.decode(rs.getString("labels")));
        return new Schedule(rs.getString("name"), rs.getString("cron"), rs.getString("zone"),
                every == null ? null : Duration.ofMillis(every), job, "one".equals(rs.getString("catch_up")),
                "skip".equals(rs.getString("overlap")), rs.getBoolean("paused"), PgRows.instant(rs, "created_at"),
                PgRows.instant(rs, "next_fire"), PgRows.instant(rs, "last_fire"),
                FireOutcome.ofKey(rs.getString("last_outcome")), rs.getString("last_job"),
                lastState == null ? null : JobState.ofKey(lastState), rs.getLong("skipped"), rs.getLong("missed"));
    }
}

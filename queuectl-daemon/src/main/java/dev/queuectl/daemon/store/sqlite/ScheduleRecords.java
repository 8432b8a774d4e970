package dev.queuectl.daemon.store.sqlite;

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
 * The SQL work of schedules, inside writer transactions (reads in readers). A firing inserts its
 * job and records itself in one transaction, the record conditional on the next_fire it read: it
 * happens at most once, and a job that exists already under the firing's id is the firing done
 * before, never a second one. The rules (which time, catch-up, overlap) are the domain's
 * {@link Schedule#decide}.
 */
final class ScheduleRecords {
    private ScheduleRecords() {
    }

    static Schedule add(Tx tx, NewSchedule s, long now) throws SQLException {
        if (find(tx, s.name()).isPresent()) {
            throw new ScheduleRefusedException(s.name(), true);
        }
        Instant created = Instant.ofEpochMilli(now);
        Schedule draft = new Schedule(s.name(), s.cron(), s.zone(), s.every(), s.job(), s.catchUpOne(),
                s.overlapSkip(), false, created, created, null, null, null, null, 0, 0);
        Instant next = draft.times().next(created);
        JobTemplate j = s.job();
        tx.update(ScheduleSql.INSERT, ps -> {
            ps.setString(1, s.name());
            ps.setString(2, s.cron());
            ps.setString(3, s.zone());
            Tx.setNullableLong(ps, 4, s.every() == null ? null : s.every().toMillis());
            ps.setString(5, j.command());
            ps.setString(6, j.queue());
            ps.setInt(7, j.priority());
            Tx.setNullableLong(ps, 8, j.maxRetries() == null ? null : (long) j.maxRetries());
            Tx.setNullableLong(ps, 9, j.timeoutMs());
            ps.setString(10, j.cwd());
            ps.setString(11, JsonMaps.encode(j.env()));
            ps.setString(12, JsonMaps.encode(j.labels()));
            ps.setString(13, s.catchUpOne() ? "one" : "none");
            ps.setString(14, s.overlapSkip() ? "skip" : "queue");
            ps.setLong(15, now);
            ps.setLong(16, next.toEpochMilli());
        });
        return require(tx, s.name());
    }

    static Optional<Schedule> find(Tx tx, String name) throws SQLException {
        return tx.queryOne(ScheduleSql.ONE, ps -> ps.setString(1, name), ScheduleRecords::row);
    }

    static Schedule require(Tx tx, String name) throws SQLException {
        return find(tx, name).orElseThrow(() -> new ScheduleRefusedException(name, false));
    }

    static List<Schedule> all(Tx tx) throws SQLException {
        return tx.query(ScheduleSql.ALL, ps -> { }, ScheduleRecords::row);
    }

    static Optional<Instant> nextFire(Tx tx) throws SQLException {
        return tx.queryOne(ScheduleSql.NEXT_FIRE, ps -> { }, rs -> JobRows.instant(rs, "next"));
    }

    /** Pauses, or resumes from now on: fire times that passed while it was paused are not made up. */
    static Schedule pause(Tx tx, String name, boolean paused, long now) throws SQLException {
        Schedule s = require(tx, name);
        Instant next = paused ? s.nextFire() : s.times().next(Instant.ofEpochMilli(now));
        tx.update(ScheduleSql.PAUSE, ps -> {
            ps.setInt(1, paused ? 1 : 0);
            ps.setLong(2, next.toEpochMilli());
            ps.setString(3, name);
        });
        return require(tx, name);
    }

    static void remove(Tx tx, String name) throws SQLException {
        require(tx, name);
        tx.update(ScheduleSql.DELETE, ps -> ps.setString(1, name));
    }

    /** Handles the fire time of up to {@code max} due schedules; returns what each came to. */
    static List<Firing> fireDue(Tx tx, JobInserts inserts, long now, int defaultMaxRetries, int max)
            throws SQLException {
        List<Schedule> due = tx.query(ScheduleSql.DUE, ps -> {
            ps.setLong(1, now);
            ps.setInt(2, max);
        }, ScheduleRecords::row);
        List<Firing> out = new ArrayList<>(due.size());
        for (Schedule s : due) {
            Schedule.Decision d = s.decide(Instant.ofEpochMilli(now));
            String jobId = null;
            if (d.outcome() == FireOutcome.FIRED || d.outcome() == FireOutcome.CAUGHT_UP) {
                jobId = enqueue(tx, inserts, s, d.fireTime(), now, defaultMaxRetries);
            }
            String job = jobId;
            int recorded = tx.update(ScheduleSql.RECORD, ps -> {
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

    /** A firing on request, now, whatever the schedule's times and overlap rule say. */
    static Firing runNow(Tx tx, JobInserts inserts, String name, long now, int defaultMaxRetries)
            throws SQLException {
        Schedule s = require(tx, name);
        Instant at = Instant.ofEpochMilli(now);
        String jobId = enqueue(tx, inserts, s, at, now, defaultMaxRetries);
        tx.update(ScheduleSql.RECORD_RUN, ps -> {
            ps.setLong(1, now);
            ps.setString(2, jobId);
            ps.setString(3, name);
        });
        return new Firing(name, at, jobId, FireOutcome.RUN);
    }

    /** Inserts the firing's job unless a job has its id already (the same firing, made before). */
    private static String enqueue(Tx tx, JobInserts inserts, Schedule s, Instant at, long now, int defaultMaxRetries)
            throws SQLException {
        String id = Firing.jobId(s.name(), at);
        boolean exists = tx.queryOne(JobSql.STATE_OF, ps -> ps.setString(1, id), rs -> true).orElse(false);
        if (!exists) {
            inserts.insertOne(tx, s.jobAt(at, defaultMaxRetries), now);
        }
        return id;
    }

    private static Schedule row(ResultSet rs) throws SQLException {
        Long every = Tx.nullableLong(rs, "every_ms");
        String lastState = rs.getString("last_state");
        JobTemplate job = new JobTemplate(rs.getString("command"), rs.getString("queue"), rs.getInt("priority"),
                Tx.nullableInt(rs, "max_retries"), Tx.nullableLong(rs, "timeout_ms"), rs.getString("cwd"),
                JsonMaps.decode(rs.getString("env")), JsonMaps.decode(rs.getString("labels")));
        return new Schedule(rs.getString("name"), rs.getString("cron"), rs.getString("zone"),
                every == null ? null : Duration.ofMillis(every), job, "one".equals(rs.getString("catch_up")),
                "skip".equals(rs.getString("overlap")), rs.getInt("paused") != 0, JobRows.instant(rs, "created_at"),
                JobRows.instant(rs, "next_fire"), JobRows.instant(rs, "last_fire"),
                FireOutcome.ofKey(rs.getString("last_outcome")), rs.getString("last_job"),
                lastState == null ? null : JobState.ofKey(lastState), rs.getLong("skipped"), rs.getLong("missed"));
    }
}

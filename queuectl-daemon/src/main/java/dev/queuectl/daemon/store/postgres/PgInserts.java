package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.store.DuplicateJobException;
import dev.queuectl.daemon.store.UnknownDependencyException;
import dev.queuectl.daemon.store.JsonMaps;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inserting jobs: sequence numbers come from the database (several daemons insert at once), ids
 * are the user's or the number, and one statement inserts a whole batch. An id that is taken
 * makes the batch refused whole (its rows are deleted again in the same transaction), never an
 * error that would abort the transaction other requests share. Stateless.
 */
final class PgInserts {
    private PgInserts() {
    }

    /**
     * Inserts {@code jobs} all or none; returns their ids in order. A {@link DuplicateJobException}
     * names the first job whose id is taken ({@code batchIndex} -1 when {@code single}).
     */
    static List<String> insert(PgTx tx, List<NewJob> given, long now, boolean single) throws SQLException {
        Map<String, Integer> givenIds = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String id = given.get(i).id();
            if (id != null && givenIds.putIfAbsent(id, i) != null) {
                throw new DuplicateJobException(id, null, single ? -1 : i);
            }
        }
        Map<String, JobRef> existing = existingDependencies(tx, given, givenIds, single);
        List<NewJob> jobs = PgQueues.withDefaults(tx, given);
        List<Long> seqs = tx.query(PgJobSql.NEXT_SEQS, ps -> ps.setInt(1, jobs.size()), rs -> rs.getLong(1));
        seqs.sort(null);
        List<String> ids = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            ids.add(jobs.get(i).id() != null ? jobs.get(i).id() : Long.toString(seqs.get(i)));
        }
        Set<Long> inserted = insertRows(tx, jobs, seqs, ids, now);
        if (inserted.size() == jobs.size()) {
            link(tx, jobs, seqs, givenIds, existing, now);
            return ids;
        }
        for (int i = 0; i < jobs.size(); i++) {
            if (!inserted.contains(seqs.get(i)) && jobs.get(i).id() != null) {
                tx.update(PgJobSql.DELETE_SEQS, ps -> ps.setArray(1, tx.longs(new ArrayList<>(inserted))));
                String id = jobs.get(i).id();
                JobState state = tx.queryOne(PgJobSql.STATE_OF, ps -> ps.setString(1, id),
                        rs -> JobState.ofKey(rs.getString(1))).orElse(null);
                throw new DuplicateJobException(id, state, single ? -1 : i);
            }
        }
        // Only generated ids clashed: a user took those numbers as ids. Keep the number recognisable.
        for (int i = 0; i < jobs.size(); i++) {
            if (!inserted.contains(seqs.get(i))) {
                ids.set(i, insertRenamed(tx, jobs.get(i), seqs.get(i), now));
            }
        }
        link(tx, jobs, seqs, givenIds, existing, now);
        return ids;
    }

    /**
     * The jobs named in the batch's after lists that exist already, by id. An id that is neither
     * such a job nor an earlier line of the batch is refused before anything is inserted.
     */
    private static Map<String, JobRef> existingDependencies(PgTx tx, List<NewJob> jobs, Map<String, Integer> batch,
                                                            boolean single) throws SQLException {
        Set<String> wanted = new java.util.LinkedHashSet<>();
        for (NewJob j : jobs) {
            wanted.addAll(j.after());
        }
        Map<String, JobRef> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        for (JobRef r : PgDeps.byIds(tx, new ArrayList<>(wanted))) {
            found.put(r.id(), r);
        }
        for (int i = 0; i < jobs.size(); i++) {
            List<String> missing = new ArrayList<>();
            for (String dep : jobs.get(i).after()) {
                Integer at = batch.get(dep);
                if (!found.containsKey(dep) && (at == null || at >= i) && !missing.contains(dep)) {
                    missing.add(dep);
                }
            }
            if (!missing.isEmpty()) {
                throw new UnknownDependencyException(missing, single ? -1 : i);
            }
        }
        return found;
    }

    /** Records the dependencies of the inserted jobs: on existing jobs, or on earlier lines of the batch. */
    private static void link(PgTx tx, List<NewJob> jobs, List<Long> seqs, Map<String, Integer> batch,
                             Map<String, JobRef> existing, long now) throws SQLException {
        PgQueues.create(tx, jobs, now);
        for (int i = 0; i < jobs.size(); i++) {
            NewJob j = jobs.get(i);
            if (j.after().isEmpty()) {
                continue;
            }
            List<JobRef> deps = new ArrayList<>();
            for (String dep : new java.util.LinkedHashSet<>(j.after())) {
                Integer at = batch.get(dep);
                deps.add(at != null && at < i ? new JobRef(seqs.get(at), dep, 0, JobState.PENDING) : existing.get(dep));
            }
            PgDeps.link(tx, seqs.get(i), deps, now);
        }
    }

    private static String insertRenamed(PgTx tx, NewJob job, long seq, long now) throws SQLException {
        for (int clash = 1; clash <= 100; clash++) {
            String id = seq + "-" + clash;
            if (!insertRows(tx, List.of(job), List.of(seq), List.of(id), now).isEmpty()) {
                return id;
            }
        }
        throw new IllegalStateException("cannot find a free id for job number " + seq);
    }

    private static Set<Long> insertRows(PgTx tx, List<NewJob> jobs, List<Long> seqs, List<String> ids, long now)
            throws SQLException {
        List<String> commands = new ArrayList<>(jobs.size());
        List<Integer> retries = new ArrayList<>(jobs.size());
        List<Integer> priorities = new ArrayList<>(jobs.size());
        List<Long> runAts = new ArrayList<>(jobs.size());
        List<Long> timeouts = new ArrayList<>(jobs.size());
        List<String> cwds = new ArrayList<>(jobs.size());
        List<String> envs = new ArrayList<>(jobs.size());
        List<String> labels = new ArrayList<>(jobs.size());
        List<String> queues = new ArrayList<>(jobs.size());
        List<Long> labelSeqs = new ArrayList<>();
        List<String> labelKeys = new ArrayList<>();
        List<String> labelValues = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            NewJob j = jobs.get(i);
            commands.add(j.command());
            retries.add(j.maxRetries());
            priorities.add(j.priority());
            runAts.add(j.runAt() == null ? now : j.runAt().toEpochMilli());
            timeouts.add(j.timeoutMs());
            cwds.add(j.cwd());
            envs.add(JsonMaps.encode(j.env()));
            labels.add(JsonMaps.encode(j.labels()));
            queues.add(j.queue());
            for (Map.Entry<String, String> l : j.labels().entrySet()) {
                labelSeqs.add(seqs.get(i));
                labelKeys.add(l.getKey());
                labelValues.add(l.getValue());
            }
        }
        List<Long> inserted = tx.query(PgJobSql.INSERT, ps -> {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setArray(4, tx.longs(seqs));
            ps.setArray(5, tx.texts(ids));
            ps.setArray(6, tx.texts(commands));
            ps.setArray(7, tx.ints(retries));
            ps.setArray(8, tx.ints(priorities));
            ps.setArray(9, tx.longs(runAts));
            ps.setArray(10, tx.longs(timeouts));
            ps.setArray(11, tx.texts(cwds));
            ps.setArray(12, tx.texts(envs));
            ps.setArray(13, tx.texts(labels));
            ps.setArray(14, tx.texts(queues));
        }, rs -> rs.getLong(1));
        if (!labelSeqs.isEmpty() && !inserted.isEmpty()) {
            tx.update(PgJobSql.INSERT_LABELS, ps -> {
                ps.setArray(1, tx.longs(labelSeqs));
                ps.setArray(2, tx.texts(labelKeys));
                ps.setArray(3, tx.texts(labelValues));
                ps.setArray(4, tx.longs(inserted));
            });
        }
        return new HashSet<>(inserted);
    }

    /** The label rows of job {@code seq}: its labels as they are now. */
    static void replaceLabels(PgTx tx, long seq, Map<String, String> labels) throws SQLException {
        tx.update(PgJobSql.DELETE_LABELS, ps -> ps.setLong(1, seq));
        if (labels.isEmpty()) {
            return;
        }
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            seqs.add(seq);
        }
        tx.update(PgJobSql.INSERT_LABELS, ps -> {
            ps.setArray(1, tx.longs(seqs));
            ps.setArray(2, tx.texts(new ArrayList<>(labels.keySet())));
            ps.setArray(3, tx.texts(new ArrayList<>(labels.values())));
            ps.setArray(4, tx.longs(List.of(seq)));
        });
    }
}

package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.BulkCursor;
import dev.queuectl.daemon.job.BulkPreview;
import dev.queuectl.daemon.job.BulkStep;
import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.health.TurnObserver;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.InProgressRun;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobDetails;
import dev.queuectl.daemon.job.JobEdit;
import dev.queuectl.daemon.job.JobPage;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobSelector;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.MinuteStats;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.Readiness;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.RunStart;
import dev.queuectl.daemon.store.Cluster;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.StoreOpenException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@link JobStore} on one SQLite file: one group-committing writer thread and a few reader
 * threads. One daemon at a time opens a file (the data dir lock), so every run of another node
 * found in it has provably lost its owner.
 */
public final class SqliteJobStore extends SqliteOrganizing {
    private static final int READERS = 2;

    private final Cluster cluster = Cluster.single();

    private SqliteJobStore(Database database, Clock clock, Health health) throws SQLException {
        super(clock, new StoreWriter(database.writer(), health), new StoreReaders(database, READERS));
    }

    /** Opens (creating or migrating) the store in {@code file}; {@link StoreOpenException} says why it cannot. */
    public static SqliteJobStore open(Path file, Clock clock) {
        return open(file, clock, new Health(clock, TurnObserver.NONE));
    }

    /** Opens the store, its writer reporting to {@code health} as the daemon's store writer loop. */
    public static SqliteJobStore open(Path file, Clock clock, Health health) {
        Database database = Database.open(file);
        try {
            return new SqliteJobStore(database, clock, health);
        } catch (SQLException e) {
            throw new StoreOpenException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- jobs ----

    @Override
    public CompletableFuture<Job> enqueue(NewJob job) {
        return writer.submit(tx -> inserts.insertOne(tx, job, clock.millis()));
    }

    @Override
    public CompletableFuture<List<String>> enqueueAll(List<NewJob> jobs) {
        return writer.submit(tx -> inserts.insertAll(tx, jobs, clock.millis()));
    }

    @Override
    public CompletableFuture<Optional<JobDetails>> find(String id) {
        return readers.submit(tx -> JobQueries.find(tx, id));
    }

    @Override
    public CompletableFuture<JobPage> list(JobCriteria criteria, boolean newestFirst, Long after, int limit) {
        return readers.submit(tx -> JobListing.list(tx, criteria, newestFirst, after, limit));
    }

    @Override
    public CompletableFuture<Map<JobState, Long>> counts() {
        return readers.submit(JobQueries::counts);
    }

    @Override
    public CompletableFuture<Map<JobState, Map<Readiness, Long>>> waiting() {
        return readers.submit(JobListing::waiting);
    }

    @Override
    public CompletableFuture<List<String>> completeIds(String prefix, Set<JobState> states, int limit) {
        return readers.submit(tx -> JobListing.completeIds(tx, prefix, states, limit));
    }

    @Override
    public CompletableFuture<List<String>> labelKeys(String prefix, int limit) {
        return readers.submit(tx -> JobListing.labelKeys(tx, prefix, limit));
    }

    @Override
    public CompletableFuture<Optional<JobRef>> locate(String id) {
        return readers.submit(tx -> tx.queryOne(JobSql.SEQ_STATE_BY_ID, ps -> ps.setString(1, id),
                rs -> JobRows.ref(rs, id)));
    }

    // ---- runs ----

    @Override
    public CompletableFuture<List<ClaimedRun>> claim(String node, int max) {
        return writer.submitRelaxed(tx -> RunRecords.claim(tx, node, max, clock.millis()));
    }

    @Override
    public void recordStart(RunStart start) {
        writer.defer(tx -> {
            RunRecords.start(tx, start);
            return null;
        });
    }

    @Override
    public CompletableFuture<FinishResult> finishAndClaim(RunEnd end, String node, int claim) {
        return writer.submitRelaxed(tx -> {
            int died = RunRecords.finish(tx, end);
            return new FinishResult(died >= 0, claim > 0 ? RunRecords.claim(tx, node, claim, clock.millis()) : List.of(),
                    Math.max(died, 0));
        });
    }

    @Override
    public CompletableFuture<Optional<Instant>> oldestDue() {
        return readers.submit(tx -> tx.queryOne(JobSql.OLDEST_DUE, ps -> { }, rs -> JobRows.instant(rs, "oldest")));
    }

    @Override
    public CompletableFuture<Optional<Instant>> nextDue() {
        return readers.submit(tx -> tx.queryOne(JobSql.NEXT_DUE, ps -> { }, rs -> JobRows.instant(rs, "next")));
    }

    @Override
    public CompletableFuture<List<InProgressRun>> runsInProgress(String node) {
        return writer.submit(tx -> RunRecords.inProgress(tx, JobSql.IN_PROGRESS_OF_NODE, node));
    }

    @Override
    public CompletableFuture<List<InProgressRun>> orphanedRuns(String node) {
        return writer.submit(tx -> RunRecords.inProgress(tx, JobSql.IN_PROGRESS_OF_OTHERS, node));
    }

    @Override
    public CompletableFuture<Integer> interrupt(List<InProgressRun> runs, String reason) {
        return writer.submit(tx -> RunRecords.interrupt(tx, runs, reason, clock.instant()));
    }

    @Override
    public CompletableFuture<Long> outputDropped(long seq, int attempt) {
        return readers.submit(tx -> tx.queryOne(AttemptSql.OUTPUT_DROPPED, ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, attempt);
        }, rs -> rs.getLong(1)).orElse(0L));
    }

    @Override
    public CompletableFuture<Optional<RunOutcome>> runOutcome(long seq, int attempt) {
        return readers.submit(tx -> tx.queryOne(AttemptSql.OUTCOME, ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, attempt);
        }, rs -> RunOutcome.ofKey(rs.getString(1))));
    }

    // ---- transitions on request ----

    @Override
    public CompletableFuture<Job> change(JobAction action, String id) {
        if (action == JobAction.PURGE) {
            throw new IllegalArgumentException("a single purge is purge(id)");
        }
        return writer.submit(tx -> BulkChanges.changeOne(tx, action, id, clock.millis()));
    }

    @Override
    public CompletableFuture<BulkStep> changeMany(JobAction action, JobSelector selector, BulkCursor cursor,
                                                  int batch) {
        return writer.submit(tx -> BulkChanges.changeMany(tx, action, selector, cursor, batch, clock.millis()));
    }

    @Override
    public CompletableFuture<BulkPreview> preview(JobAction action, JobSelector selector, int sample) {
        return readers.submit(tx -> BulkPreviews.preview(tx, action, selector, sample));
    }

    @Override
    public CompletableFuture<Job> edit(String id, JobEdit edit) {
        return writer.submit(tx -> JobEdits.edit(tx, id, edit, clock.millis()));
    }

    @Override
    public CompletableFuture<JobRef> purge(String id) {
        return writer.submit(tx -> JobChanges.purge(tx, id));
    }

    @Override
    public CompletableFuture<List<JobRef>> prune(JobState state, Instant before, int batch) {
        if (!state.isFinal()) {
            throw new IllegalArgumentException("only completed and dead jobs are pruned, not " + state.key());
        }
        return writer.submit(tx -> JobChanges.prune(tx, state, before, batch));
    }

    // ---- run statistics ----

    @Override
    public CompletableFuture<Void> saveRunStats(String node, List<MinuteStats> minutes, Instant dropBefore) {
        IllegalArgumentException foreign = MinuteStats.foreignTo(node, minutes);
        return foreign != null ? CompletableFuture.failedFuture(foreign)
                : writer.submitRelaxed(tx -> RunStatsSql.save(tx, node, minutes, dropBefore));
    }

    @Override
    public CompletableFuture<List<MinuteStats>> runStats(String node, Instant since) {
        return readers.submit(tx -> RunStatsSql.since(tx, node, since));
    }

    // ---- configuration ----

    @Override
    public CompletableFuture<Map<String, String>> loadConfig() {
        return readers.submit(JobQueries::config);
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

    /** A cluster of one: the data dir lock keeps every other daemon out of the file. */
    @Override
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        writer.close();
        readers.close();
    }
}

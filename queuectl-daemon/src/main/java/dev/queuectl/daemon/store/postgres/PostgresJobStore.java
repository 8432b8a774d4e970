package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.health.TurnObserver;
import dev.queuectl.daemon.job.BulkCursor;
import dev.queuectl.daemon.job.BulkPreview;
import dev.queuectl.daemon.job.BulkStep;
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
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.OutputStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@link JobStore} on a PostgreSQL database shared by several daemons (nodes): every operation is
 * a transaction on a pooled connection, enqueues are group-committed, the claim is one
 * {@code FOR UPDATE SKIP LOCKED} statement, and a run's end applies only to the run it names. The
 * cluster side (nodes, leases, wake-ups, cancel requests, output) is {@link PgCluster}.
 * Thread-safe; futures complete on the store's threads.
 */
public final class PostgresJobStore extends PgOrganizing {
    private final String node;
    private final PgEnqueuer enqueuer;
    private final PgOutput output;
    private final PgStarts starts;

    private PostgresJobStore(PgDatabase db, Clock clock, String node, Health health) {
        super(db, clock, new PgCluster(db, node));
        this.node = node;
        this.enqueuer = new PgEnqueuer(db, clock, cluster::enqueued, health);
        this.output = new PgOutput(db);
        this.starts = new PgStarts(db);
    }

    /**
     * Opens (migrating if needed) the store for daemon {@code node}; a
     * {@link dev.queuectl.daemon.store.StoreOpenException} says why it cannot.
     */
    public static PostgresJobStore open(PgOptions options, Clock clock, String node) {
        return open(options, clock, node, new Health(clock, TurnObserver.NONE));
    }

    /** Opens the store, its enqueuer reporting to {@code health} as the daemon's store writer loop. */
    public static PostgresJobStore open(PgOptions options, Clock clock, String node, Health health) {
        return new PostgresJobStore(PgDatabase.open(options), clock, node, health);
    }

    /** The cluster side of this store: nodes, leases, wake-ups, cancel requests. */
    @Override
    public PgCluster cluster() {
        return cluster;
    }

    /** Run output is kept in the database, so that every node's {@code logs} reads every run. */
    @Override
    public Optional<OutputStore> outputStore() {
        return Optional.of(output);
    }

    // ---- jobs ----

    @Override
    public CompletableFuture<Job> enqueue(NewJob job) {
        return enqueuer.submit(List.of(job), true).thenCompose(ids -> db.read(tx -> PgChanges.read(tx, ids.get(0))));
    }

    @Override
    public CompletableFuture<List<String>> enqueueAll(List<NewJob> jobs) {
        return enqueuer.submit(jobs, false);
    }

    @Override
    public CompletableFuture<Optional<JobDetails>> find(String id) {
        return db.read(tx -> PgChanges.find(tx, id));
    }

    @Override
    public CompletableFuture<JobPage> list(JobCriteria criteria, boolean newestFirst, Long after, int limit) {
        return db.read(tx -> PgListing.list(tx, criteria, newestFirst, after, limit));
    }

    @Override
    public CompletableFuture<Map<JobState, Long>> counts() {
        return db.read(PgChanges::counts);
    }

    @Override
    public CompletableFuture<Map<JobState, Map<Readiness, Long>>> waiting() {
        return db.read(PgListing::waiting);
    }

    @Override
    public CompletableFuture<List<String>> completeIds(String prefix, Set<JobState> states, int limit) {
        return db.read(tx -> PgListing.completeIds(tx, prefix, states, limit));
    }

    @Override
    public CompletableFuture<List<String>> labelKeys(String prefix, int limit) {
        return db.read(tx -> PgListing.labelKeys(tx, prefix, limit));
    }

    @Override
    public CompletableFuture<Optional<JobRef>> locate(String id) {
        return db.read(tx -> tx.queryOne(PgJobSql.SEQ_STATE_BY_ID, ps -> ps.setString(1, id),
                rs -> PgRows.ref(rs, id)));
    }

    // ---- runs ----

    @Override
    public CompletableFuture<List<ClaimedRun>> claim(String node, int max) {
        if (cluster.fenced(node)) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<RunStart> batch = starts.take(); // queued run starts ride along
        return db.write(tx -> {
            PgStarts.write(tx, batch);
            return PgRuns.claim(tx, node, max, clock.millis());
        });
    }

    /** Queued: written with the next write about runs, or alone within a few milliseconds ({@link PgStarts}). */
    @Override
    public void recordStart(RunStart start) {
        starts.add(start);
    }

    @Override
    public CompletableFuture<FinishResult> finishAndClaim(RunEnd end, String node, int claim) {
        boolean mayClaim = claim > 0 && !cluster.fenced(node);
        List<RunStart> batch = starts.take();
        return db.write(tx -> {
            PgStarts.write(tx, batch);
            int died = PgRuns.finishCounting(tx, end, node);
            boolean applied = died >= 0;
            if (applied) {
                cluster.finished(end);
            }
            if (died > 0) {
                cluster.changed();
            }
            return new FinishResult(applied, mayClaim ? PgRuns.claim(tx, node, claim, clock.millis()) : List.of(),
                    Math.max(died, 0));
        });
    }

    @Override
    public CompletableFuture<Optional<Instant>> oldestDue() {
        return db.read(tx -> tx.queryOne(PgJobSql.OLDEST_DUE, ps -> { }, rs -> PgRows.instant(rs, 1)));
    }

    @Override
    public CompletableFuture<Optional<Instant>> nextDue() {
        return db.read(tx -> tx.queryOne(PgJobSql.NEXT_DUE, ps -> { }, rs -> PgRows.instant(rs, 1)));
    }

    @Override
    public CompletableFuture<List<InProgressRun>> runsInProgress(String node) {
        return inProgress(PgJobSql.IN_PROGRESS_OF_NODE, node);
    }

    /** Runs of nodes whose lease has expired (or that never registered), other than {@code node}'s. */
    @Override
    public CompletableFuture<List<InProgressRun>> orphanedRuns(String node) {
        return inProgress(PgJobSql.IN_PROGRESS_ORPHANED, node);
    }

    private CompletableFuture<List<InProgressRun>> inProgress(String sql, String node) {
        List<RunStart> batch = starts.take(); // queued starts first: recovery needs their processes
        return db.write(tx -> {
            PgStarts.write(tx, batch);
            return PgRuns.inProgress(tx, sql, node);
        });
    }

    @Override
    public CompletableFuture<Integer> interrupt(List<InProgressRun> runs, String reason) {
        return db.write(tx -> {
            int n = PgRuns.interrupt(tx, runs, reason, clock.instant());
            if (n > 0) {
                cluster.changed();
            }
            return n;
        });
    }

    @Override
    public CompletableFuture<Long> outputDropped(long seq, int attempt) {
        return db.read(tx -> PgChanges.outputDropped(tx, seq, attempt));
    }

    @Override
    public CompletableFuture<Optional<RunOutcome>> runOutcome(long seq, int attempt) {
        return db.read(tx -> PgChanges.outcome(tx, seq, attempt));
    }

    // ---- transitions on request ----

    @Override
    public CompletableFuture<Job> change(JobAction action, String id) {
        PgBulk.checkNotPurge(action);
        return db.write(tx -> cluster.stateChanged(PgBulk.changeOne(tx, action, id, clock.millis())));
    }

    @Override
    public CompletableFuture<BulkStep> changeMany(JobAction action, JobSelector selector, BulkCursor cursor,
                                                  int batch) {
        return db.write(tx -> {
            BulkStep step = PgBulk.changeMany(tx, action, selector, cursor, batch, clock.millis());
            if (!step.changed().isEmpty()) {
                cluster.changed();
            }
            return step;
        });
    }

    @Override
    public CompletableFuture<BulkPreview> preview(JobAction action, JobSelector selector, int sample) {
        return db.read(tx -> PgBulk.preview(tx, action, selector, sample));
    }

    @Override
    public CompletableFuture<Job> edit(String id, JobEdit edit) {
        return db.write(tx -> cluster.stateChanged(PgEdits.edit(tx, id, edit, clock.millis())));
    }

    @Override
    public CompletableFuture<JobRef> purge(String id) {
        return db.write(tx -> cluster.deleted(PgChanges.purge(tx, id)));
    }

    @Override
    public CompletableFuture<List<JobRef>> prune(JobState state, Instant before, int batch) {
        if (!state.isFinal()) {
            throw new IllegalArgumentException("only completed and dead jobs are pruned, not " + state.key());
        }
        return db.write(tx -> PgChanges.prune(tx, state, before, batch));
    }

    // ---- run statistics (each node writes its own rows) ----

    @Override
    public CompletableFuture<Void> saveRunStats(String node, List<MinuteStats> minutes, Instant dropBefore) {
        IllegalArgumentException foreign = MinuteStats.foreignTo(node, minutes);
        return foreign != null ? CompletableFuture.failedFuture(foreign)
                : db.write(tx -> PgRunStats.save(tx, node, minutes, dropBefore));
    }

    @Override
    public CompletableFuture<List<MinuteStats>> runStats(String node, Instant since) {
        return db.read(tx -> PgRunStats.since(tx, node, since));
    }

    // ---- configuration ----

    /** The cluster's settings, with this node's own (workers, the pool switch) over them. */
    @Override
    public CompletableFuture<Map<String, String>> loadConfig() {
        return db.read(tx -> PgConfig.load(tx, node));
    }

    @Override
    public CompletableFuture<Void> saveConfig(Map<String, String> values) {
        return db.write(tx -> {
            if (PgConfig.save(tx, node, values)) {
                cluster.configChanged();
            }
            return null;
        });
    }

    @Override
    public void close() {
        cluster.close();
        enqueuer.close();
        db.close();
    }
}

package dev.queuectl.daemon.store;

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
import dev.queuectl.daemon.job.Firing;
import dev.queuectl.daemon.job.MinuteStats;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.NewSchedule;
import dev.queuectl.daemon.job.Queue;
import dev.queuectl.daemon.job.QueueChange;
import dev.queuectl.daemon.job.Readiness;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.RunStart;
import dev.queuectl.daemon.job.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the daemon may ask of a store, in domain records: the contract every backend keeps
 * (the store contract test suite is its definition). Writes complete only after their
 * transaction is durable; concurrent writes may share a transaction, but one refused write never
 * undoes another. Reads see the latest committed state. All methods are thread-safe and never
 * block the caller; futures complete on store threads, so continuations must be short.
 *
 * <p>Refusals complete the future with a {@link StoreException}: {@link DuplicateJobException},
 * {@link JobNotFoundException}, {@link IllegalTransitionException}, {@link JobChangedException} or
 * {@link StorageException}.
 *
 * <p>No operation reads or returns an unbounded number of jobs: listings come a page at a time
 * and bulk actions a batch at a time, each batch one transaction.
 *
 * <p>Every claim and run in progress is owned by a node (a daemon's stable id); a store applies
 * a transition as a conditional update on the job's state.
 */
public interface JobStore extends ConfigStore, AutoCloseable {

    // ---- jobs ----

    /** Inserts one pending job and returns it as stored. */
    CompletableFuture<Job> enqueue(NewJob job);

    /** Inserts all jobs in one transaction, or none of them; returns their ids in order. */
    CompletableFuture<List<String>> enqueueAll(List<NewJob> jobs);

    /** The job with its attempt history, if it exists. */
    CompletableFuture<Optional<JobDetails>> find(String id);

    /**
     * Up to {@code limit} jobs matching {@code criteria} in enqueue order (newest first if asked),
     * those after seq {@code after} (before it, newest first; null: from the start). Keyset paging:
     * no page costs more for being deep. A page may hold fewer than {@code limit} jobs and still
     * have a {@link JobPage#next}: the store bounds the rows one call examines. The total is
     * given when the criteria name states only.
     */
    CompletableFuture<JobPage> list(JobCriteria criteria, boolean newestFirst, Long after, int limit);

    /** A count for every state, zeros included; never a scan of the jobs. */
    CompletableFuture<Map<JobState, Long>> counts();

    /** Pending and failed jobs by {@link Readiness}, zeros included; never a scan of the jobs. */
    CompletableFuture<Map<JobState, Map<Readiness, Long>>> waiting();

    /**
     * Up to {@code limit} ids starting with {@code prefix}, of jobs in {@code states} (empty: any),
     * most recently enqueued first; reads a bounded number of index entries, so very old matches
     * may be missed. For shell completion.
     */
    CompletableFuture<List<String>> completeIds(String prefix, Set<JobState> states, int limit);

    /** Up to {@code limit} distinct label keys starting with {@code prefix}, in order. */
    CompletableFuture<List<String>> labelKeys(String prefix, int limit);

    /** The job's seq, runs and state, if it exists. */
    CompletableFuture<Optional<JobRef>> locate(String id);

    // ---- runs ----

    /**
     * Claims up to {@code max} runnable jobs (pending or failed, due now, not held) in priority,
     * run_at, enqueue order for {@code node}. Atomic: no job is ever claimed twice, however many claims
     * run at once.
     */
    CompletableFuture<List<ClaimedRun>> claim(String node, int max);

    /**
     * Records a started run and its processes, for the history and for recovery after a crash.
     * Committed with the next write, or alone within a few milliseconds; nothing waits for it.
     */
    void recordStart(RunStart start);

    /**
     * What {@link #finishAndClaim} did: whether the end applied (false when the job's state no
     * longer allowed it), the runs claimed after it, and how many of the job's dependents died
     * with it (a job that ends dead takes the jobs waiting for it along, transitively).
     */
    record FinishResult(boolean applied, List<ClaimedRun> claimed, int dependentsDead) {
        public FinishResult(boolean applied, List<ClaimedRun> claimed) {
            this(applied, claimed, 0);
        }
    }

    /**
     * Ends a run and, in the same transaction, claims up to {@code claim} jobs for {@code node}:
     * one commit instead of two on the busiest path.
     */
    CompletableFuture<FinishResult> finishAndClaim(RunEnd end, String node, int claim);

    /** The earliest run_at among jobs that are due and waiting for a worker, if any. */
    CompletableFuture<Optional<Instant>> oldestDue();

    /** The earliest run_at among delayed and retrying jobs not yet due, if any. */
    CompletableFuture<Optional<Instant>> nextDue();

    /** Runs in progress that {@code node} owns (after a crash of that node: the runs to recover). */
    CompletableFuture<List<InProgressRun>> runsInProgress(String node);

    /**
     * Runs in progress whose owner is provably gone, as seen by {@code node}: for a store only one
     * daemon may open, every run another node owns.
     */
    CompletableFuture<List<InProgressRun>> orphanedRuns(String node);

    /** Records those runs as interrupted and makes their jobs pending again, in one transaction; returns how many. */
    CompletableFuture<Integer> interrupt(List<InProgressRun> runs, String reason);

    /** Bytes cut from the start of a finished run's output. */
    CompletableFuture<Long> outputDropped(long seq, int attempt);

    /** How a run ended, once its end is recorded; empty while it runs, and for a run that never existed. */
    CompletableFuture<Optional<RunOutcome>> runOutcome(long seq, int attempt);

    // ---- transitions on request ----

    /**
     * Applies {@code action} to one job and returns it as it is now: cancel, rerun and retry move
     * it (attempts reset, history kept, the held mark cleared), hold and release mark it. A job the
     * action does not apply to is an {@link IllegalTransitionException} (holding a held job,
     * releasing one that is not held, included). Not for {@link JobAction#PURGE}: see {@link #purge}.
     */
    CompletableFuture<Job> change(JobAction action, String id);

    /**
     * Applies {@code action} to the next batch of at most {@code batch} jobs the selector names or
     * matches, from {@code cursor} on, in one transaction; jobs it does not apply to are counted as
     * skipped. Follow {@link BulkStep#next} until it is null. A purge returns the deleted jobs, for
     * deleting their output too.
     */
    CompletableFuture<BulkStep> changeMany(JobAction action, JobSelector selector, BulkCursor cursor, int batch);

    /** What {@link #changeMany} would do to every job the selector names or matches, changing nothing. */
    CompletableFuture<BulkPreview> preview(JobAction action, JobSelector selector, int sample);

    /**
     * Changes a pending or failed job (held or not) in one transaction and returns it as it is
     * now; a job in another state is an {@link IllegalTransitionException}, and one updated since
     * {@link JobEdit#expectedUpdatedAt()} a {@link JobChangedException}. A new run_at makes the job
     * wait for it (or due at once if it has passed).
     */
    CompletableFuture<Job> edit(String id, JobEdit edit);

    /** Deletes a dead job and its history; returns what it was, for deleting its output too. */
    CompletableFuture<JobRef> purge(String id);

    /**
     * Deletes up to {@code batch} jobs of a final state (completed or dead) last updated before
     * {@code before}, oldest first, with their history; returns what they were.
     */
    CompletableFuture<List<JobRef>> prune(JobState state, Instant before, int batch);

    /**
     * How many jobs of a final state last updated before {@code before} {@link #prune} keeps
     * because a waiting (pending or failed) job depends on them.
     */
    CompletableFuture<Long> pruneKept(JobState state, Instant before);

    /**
     * Up to {@code limit} of the job's dependencies (the jobs it waits for, with their states) and
     * of its dependents (the jobs that wait for it), each in enqueue order.
     */
    CompletableFuture<Dependencies> dependencies(long seq, int limit);

    /** A job's dependencies and dependents. */
    record Dependencies(List<JobRef> dependencies, List<JobRef> dependents) {
    }

    // ---- queues ----

    /**
     * Every queue, by name, with its counts; a queue exists once a job used it or it was added.
     * With {@code oldestDue}, each queue's {@link Queue#oldestDue()} too (a read of its due jobs'
     * index slice); without it, that is null and the read costs a row per queue.
     */
    CompletableFuture<List<Queue>> queues(boolean oldestDue);

    /**
     * Creates the queue with {@code change} applied to its defaults ({@code create}; refused with
     * {@link QueueRefusedException.Reason#EXISTS} if it exists), or changes an existing one
     * ({@link QueueRefusedException.Reason#NOT_FOUND} if it does not); returns it as it is now.
     */
    CompletableFuture<Queue> saveQueue(String name, QueueChange change, boolean create);

    /**
     * Pauses (no job of it is claimed; running ones finish) or resumes each named queue, all in
     * one transaction or none if one does not exist; returns them as they are now.
     */
    CompletableFuture<List<Queue>> pauseQueues(List<String> names, boolean paused);

    /** Deletes a queue that has no jobs ({@link QueueRefusedException.Reason#NOT_EMPTY} otherwise). */
    CompletableFuture<Void> removeQueue(String name);

    // ---- schedules ----

    /** Creates a schedule, its first fire time the first after now; {@link ScheduleRefusedException} if it exists. */
    CompletableFuture<Schedule> addSchedule(NewSchedule schedule);

    /** Every schedule, by name, with its latest firing's job state. */
    CompletableFuture<List<Schedule>> schedules();

    /** One schedule, if it exists. */
    CompletableFuture<Optional<Schedule>> schedule(String name);

    /**
     * Pauses a schedule, or resumes it with its next fire time the first after now (fire times
     * that passed while paused are not made up); {@link ScheduleRefusedException} if it does not exist.
     */
    CompletableFuture<Schedule> pauseSchedule(String name, boolean paused);

    /** Deletes a schedule (the jobs it enqueued stay); {@link ScheduleRefusedException} if it does not exist. */
    CompletableFuture<Void> removeSchedule(String name);

    /**
     * Handles the fire time of up to {@code max} schedules that are due now, as
     * {@link Schedule#decide} rules: each firing inserts its job (id {@code NAME@<fire time>}) and
     * records itself in the same transaction, so it happens at most once, across restarts and
     * crashes (and, with a shared store, nodes). {@code defaultMaxRetries} is the configured
     * max_retries, for jobs whose schedule and queue set none.
     */
    CompletableFuture<List<Firing>> fireSchedules(int defaultMaxRetries, int max);

    /** Fires a schedule now, once, whatever its times and overlap rule; {@link ScheduleRefusedException} if unknown. */
    CompletableFuture<Firing> runSchedule(String name, int defaultMaxRetries);

    /** The earliest next fire time of the schedules that are not paused, if any: the dispatcher's timer. */
    CompletableFuture<Optional<Instant>> nextFire();
    // ---- the daemons sharing the store ----

    /** This store's cluster: one node for a store one daemon opens; several with leases for a shared one. */
    Cluster cluster();

    /** Where run output is kept when the store keeps it (a shared store); empty: in files on this host. */
    default java.util.Optional<OutputStore> outputStore() {
        return java.util.Optional.empty();
    }
    // ---- run statistics ----

    /**
     * Keeps per-minute run statistics of {@code node}: each given minute replaces what was kept for
     * the same node and minute, and the node's minutes before {@code dropBefore} are deleted, in one
     * transaction. Statistics are bookkeeping, not acknowledged data: the commit need not wait for
     * the disk. Every minute must be {@code node}'s.
     */
    CompletableFuture<Void> saveRunStats(String node, List<MinuteStats> minutes, Instant dropBefore);

    /** The per-minute statistics kept for {@code node} from {@code since} on, oldest first. */
    CompletableFuture<List<MinuteStats>> runStats(String node, Instant since);

    /** Applies queued writes, then closes every connection. */
    @Override
    void close();
}

package dev.queuectl.daemon.store;

import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.InProgressRun;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobDetails;
import dev.queuectl.daemon.job.JobPage;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunStart;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the daemon may ask of a store, in domain records: the contract every backend keeps
 * (the store contract test suite is its definition). Writes complete only after their
 * transaction is durable; concurrent writes may share a transaction, but one refused write never
 * undoes another. Reads see the latest committed state. All methods are thread-safe and never
 * block the caller; futures complete on store threads, so continuations must be short.
 *
 * <p>Refusals complete the future with a {@link StoreException}: {@link DuplicateJobException},
 * {@link JobNotFoundException}, {@link IllegalTransitionException} or {@link StorageException}.
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

    /** Up to {@code limit} jobs in enqueue order (or newest first), optionally of one state, with the matching total. */
    CompletableFuture<JobPage> list(JobState state, int limit, boolean newestFirst);

    /** A count for every state, zeros included; never a scan of the jobs. */
    CompletableFuture<Map<JobState, Long>> counts();

    /** The job's seq, runs and state, if it exists. */
    CompletableFuture<Optional<JobRef>> locate(String id);

    // ---- runs ----

    /**
     * Claims up to {@code max} runnable jobs (pending or failed, due now) in priority, run_at,
     * enqueue order for {@code node}. Atomic: no job is ever claimed twice, however many claims
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
     * longer allowed it), and the runs claimed after it.
     */
    record FinishResult(boolean applied, List<ClaimedRun> claimed) {
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

    // ---- transitions on request ----

    /** Moves a pending or failed job to dead ("cancelled"). */
    CompletableFuture<Job> cancel(String id);

    /** Moves a dead job back to pending with its attempts reset, history kept. */
    CompletableFuture<Job> revive(String id);

    /** Revives every dead job; returns how many. */
    CompletableFuture<Integer> reviveAllDead();

    /** Deletes a dead job and its history; returns what it was, for deleting its output too. */
    CompletableFuture<JobRef> purge(String id);

    /** Deletes every dead job; returns what they were. */
    CompletableFuture<List<JobRef>> purgeAllDead();

    /**
     * Deletes up to {@code batch} jobs of a final state (completed or dead) last updated before
     * {@code before}, oldest first, with their history; returns what they were.
     */
    CompletableFuture<List<JobRef>> prune(JobState state, Instant before, int batch);

    // ---- the daemons sharing the store ----

    /** This store's cluster: one node for a store one daemon opens; several with leases for a shared one. */
    Cluster cluster();

    /** Where run output is kept when the store keeps it (a shared store); empty: in files on this host. */
    default java.util.Optional<OutputStore> outputStore() {
        return java.util.Optional.empty();
    }

    /** Applies queued writes, then closes every connection. */
    @Override
    void close();
}

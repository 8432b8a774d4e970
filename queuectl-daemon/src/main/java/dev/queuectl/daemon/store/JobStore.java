package dev.queuectl.daemon.store;

import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.result.JobList;
import dev.queuectl.protocol.result.JobView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the rest of the daemon may ask of the store. Writes complete only after their
 * transaction is durable; concurrent writes share transactions (group commit). Reads see the
 * latest committed state. All methods are thread-safe and never block the caller; futures
 * complete on store threads, so continuations must be short.
 *
 * <p>Refusals arrive as {@link dev.queuectl.protocol.ProtocolException}s with the code to send
 * ({@code DUPLICATE_ID}, {@code NOT_FOUND}, {@code STORAGE_ERROR}, ...).
 */
public interface JobStore extends AutoCloseable {

    /** Opens (creating or migrating) the store in {@code file}. */
    static JobStore open(Path file, Clock clock) {
        return SqliteJobStore.open(file, clock);
    }

    /** Inserts one pending job. */
    CompletableFuture<JobView> enqueue(NewJob job);

    /** Inserts all jobs in one transaction, or none of them; returns their ids in order. */
    CompletableFuture<List<String>> enqueueAll(List<NewJob> jobs);

    /** The job with its attempt history, if it exists. */
    CompletableFuture<Optional<JobView>> find(String id);

    /** Up to {@code limit} jobs in enqueue order, optionally of one state, with the matching total. */
    CompletableFuture<JobList> list(JobState state, int limit, boolean newestFirst);

    /** A count for every state, zeros included. */
    CompletableFuture<Map<JobState, Long>> counts();

    /** Stored runtime settings (keys that were never set are absent). */
    CompletableFuture<Map<String, String>> loadConfig();

    /** Stores runtime settings, all in one transaction. */
    CompletableFuture<Void> saveConfig(Map<String, String> values);

    // ---- the engine ----

    /**
     * Claims up to {@code max} runnable jobs (pending or failed, due now) in priority, run_at,
     * enqueue order, and records a started attempt for each. Atomic: no job is claimed twice.
     */
    CompletableFuture<List<ClaimedRun>> claim(int max);

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
     * Ends a run and, in the same transaction, claims up to {@code claim} jobs for the worker it
     * freed: one commit instead of two on the busiest path.
     */
    CompletableFuture<FinishResult> finishAndClaim(RunEnd end, int claim);

    /** The earliest run_at among jobs that are due and waiting for a worker, if any (reads every ready job). */
    CompletableFuture<Optional<java.time.Instant>> oldestDue();

    /** The earliest run_at among delayed and retrying jobs not yet ready, if any. */
    CompletableFuture<Optional<java.time.Instant>> nextDue();

    /** Moves a pending or failed job to dead ("cancelled"); INVALID_STATE otherwise. */
    CompletableFuture<JobView> cancel(String id);

    /** Moves a dead job back to pending with its attempts reset, history kept. */
    CompletableFuture<JobView> revive(String id);

    /** Revives every dead job; returns how many. */
    CompletableFuture<Integer> reviveAllDead();

    /** Deletes a dead job and its history; returns where its output was, for deleting that too. */
    CompletableFuture<OutputLocation> purge(String id);

    /** Deletes every dead job; returns where their output was. */
    CompletableFuture<List<OutputLocation>> purgeAllDead();

    /**
     * Deletes up to {@code batch} jobs of a finished state (completed or dead) that reached it
     * before {@code before}, oldest first, with their history; returns where their output was.
     */
    CompletableFuture<List<OutputLocation>> prune(JobState state, java.time.Instant before, int batch);

    /** Runs the store shows in progress (after a crash: the runs to recover). */
    CompletableFuture<List<InProgressRun>> runsInProgress();

    /** Records those runs as interrupted and makes their jobs pending again, in one transaction. */
    CompletableFuture<Integer> interrupt(List<InProgressRun> runs, String reason);

    /** Where a job's output lives and how many runs it had. */
    CompletableFuture<Optional<OutputLocation>> locate(String id);

    /** Bytes cut from the start of a finished run's output. */
    CompletableFuture<Long> outputDropped(long seq, int attempt);

    /** Applies queued writes, then closes every connection. */
    @Override
    void close();
}

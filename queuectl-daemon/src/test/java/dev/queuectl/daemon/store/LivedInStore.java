package dev.queuectl.daemon.store;

import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A documented fixture: fills a fresh store with a lived-in mix of jobs through the
 * {@link JobStore} contract alone (enqueues, claims and run ends, exactly as the engine records
 * them), so it works on every backend and never writes SQL against a schema. Used by the store
 * contract tests and by the benchmark's scale figure.
 *
 * <p>A {@link Mix} gives percentages by enqueue order ({@code k % 100}, k counted from 1): first
 * the completed jobs (one run each), then the dead ones (four failed runs, {@code max_retries}
 * 3), then the failed ones (one failed run, retry 30 days ahead); the rest are pending, not due
 * for 30 days, so no old job competes with the jobs a test enqueues afterwards. A job with
 * {@code k % 100 == 0} is always completed. Ids are the generated ones, so on a fresh store job
 * {@code "k"} is the k-th enqueued.
 */
public final class LivedInStore {
    /** The node that ran the fixture's jobs. */
    public static final String NODE = "fixture-node";
    private static final int BATCH = 10_000;
    private static final int CLAIM = 2_000;
    private static final String ERROR = "exit code 1: simulated failure";

    /**
     * Percentages of completed, dead and failed jobs; the rest are pending.
     *
     * @see #LIVED_IN
     * @see #MOSTLY_WAITING
     */
    public record Mix(int completed, int dead, int failed) {
        public Mix {
            if (completed < 1 || dead < 0 || failed < 0 || completed + dead + failed > 100) {
                throw new IllegalArgumentException("percentages from 1 to 100 in all, completed at least 1");
            }
        }

        /** The state the fixture leaves the k-th job in (k counted from 1). */
        public JobState stateOf(long k) {
            long r = k % 100;
            return r < completed ? JobState.COMPLETED : r < completed + dead ? JobState.DEAD
                    : r < completed + dead + failed ? JobState.FAILED : JobState.PENDING;
        }
    }

    /** A queue that has been busy for a long time: 60% completed, 10% dead, 5% failed, 25% waiting. */
    public static final Mix LIVED_IN = new Mix(60, 10, 5);
    /** A queue with a large backlog: 6% completed, 1% dead, 1% failed, 92% waiting (quick to build). */
    public static final Mix MOSTLY_WAITING = new Mix(6, 1, 1);

    private LivedInStore() {
    }

    /** Fills {@code store} (fresh) with {@code jobs} jobs; returns the count per state it holds afterwards. */
    public static Map<JobState, Long> build(JobStore store, Clock clock, int jobs, Mix mix) {
        Instant later = clock.instant().plus(Duration.ofDays(30));
        List<NewJob> batch = new ArrayList<>(BATCH);
        for (int k = 1; k <= jobs; k++) {
            boolean runs = mix.stateOf(k) != JobState.PENDING;
            batch.add(new NewJob(null, "true", mix.stateOf(k) == JobState.DEAD ? 3 : 0, 0, runs ? null : later, null));
            if (batch.size() == BATCH || k == jobs) {
                store.enqueueAll(batch).join();
                batch = new ArrayList<>(BATCH);
            }
        }
        while (true) {
            List<ClaimedRun> claimed = store.claim(NODE, CLAIM).join();
            if (claimed.isEmpty()) {
                break;
            }
            List<CompletableFuture<JobStore.FinishResult>> ends = new ArrayList<>(claimed.size());
            for (ClaimedRun run : claimed) {
                ends.add(store.finishAndClaim(end(run, mix, clock.instant(), later), NODE, 0));
            }
            CompletableFuture.allOf(ends.toArray(new CompletableFuture<?>[0])).join();
        }
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            counts.put(s, 0L);
        }
        for (long k = 1; k <= jobs; k++) {
            counts.merge(mix.stateOf(k), 1L, Long::sum);
        }
        return counts;
    }

    /** How the fixture ends a run: by the job's place in the mix and the run's number. */
    private static RunEnd end(ClaimedRun run, Mix mix, Instant now, Instant later) {
        switch (mix.stateOf(run.seq())) {
            case COMPLETED:
                return new RunEnd(run.seq(), run.id(), run.attempt(), RunOutcome.COMPLETED, 0, "exit code 0", null, now,
                        Transition.COMPLETE, null, 0);
            case DEAD:
                boolean last = run.attempt() == run.maxRetries() + 1;
                return new RunEnd(run.seq(), run.id(), run.attempt(), RunOutcome.FAILED, 1, "exit code 1", ERROR, now,
                        last ? Transition.BURY : Transition.RETRY_LATER, last ? null : now, 0);
            case FAILED:
                return new RunEnd(run.seq(), run.id(), run.attempt(), RunOutcome.FAILED, 1, "exit code 1", ERROR, now,
                        Transition.RETRY_LATER, later, 0);
            default:
                throw new IllegalStateException("job " + run.id() + " should not have been due");
        }
    }
}

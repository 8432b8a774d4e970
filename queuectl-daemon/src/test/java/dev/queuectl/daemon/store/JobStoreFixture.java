package dev.queuectl.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.queuectl.daemon.TestClock;
import dev.queuectl.daemon.job.BulkCursor;
import dev.queuectl.daemon.job.BulkStep;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobSelector;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the store contract's tests share: a fresh store per test on a movable clock, and helpers
 * that drive it the way the engine and the service do.
 */
public abstract class JobStoreFixture {
    protected static final String NODE = "node-a";
    protected final TestClock clock = new TestClock();
    protected JobStore store;

    /** A fresh, empty store whose time comes from {@code clock}. */
    protected abstract JobStore openStore(TestClock clock);

    @BeforeEach
    void openFreshStore() {
        store = openStore(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static NewJob job(String id) {
        return new NewJob(id, "echo " + id, 3, 0, null, null);
    }

    protected static NewJob job(String id, int priority, Instant runAt, int maxRetries) {
        return new NewJob(id, "echo " + id, maxRetries, priority, runAt, null);
    }

    /** The exception a future failed with. */
    protected static Throwable failure(Runnable r) {
        try {
            r.run();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    protected Job find(String id) {
        return store.find(id).join().orElseThrow().job();
    }

    protected RunEnd end(ClaimedRun run, Transition t, RunOutcome outcome, Instant retryAt) {
        return new RunEnd(run.seq(), run.id(), run.attempt(), outcome, outcome == RunOutcome.COMPLETED ? 0 : 1,
                outcome.key(), outcome == RunOutcome.COMPLETED ? null : "it failed", clock.instant(), t, retryAt, 0);
    }

    protected ClaimedRun claimOne(String id) {
        List<ClaimedRun> runs = store.claim(NODE, 1).join();
        assertEquals(1, runs.size(), "one due job");
        assertEquals(id, runs.get(0).id());
        return runs.get(0);
    }

    protected boolean finish(ClaimedRun run, Transition t, RunOutcome outcome, Instant retryAt) {
        return store.finishAndClaim(end(run, t, outcome, retryAt), NODE, 0).join().applied();
    }

    protected long total() {
        return store.counts().join().values().stream().mapToLong(Long::longValue).sum();
    }

    /** What a whole bulk action did, batch after batch. */
    protected record Applied(int changed, Map<String, Long> skipped, List<String> notFound, List<JobRef> refs,
                             int batches) {
    }

    /** Runs a bulk action to its end in batches of {@code batch}, as the service does. */
    protected Applied applyAll(JobAction action, JobSelector selector, int batch) {
        List<JobRef> refs = new ArrayList<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        List<String> notFound = new ArrayList<>();
        BulkCursor cursor = BulkCursor.START;
        int batches = 0;
        while (cursor != null) {
            BulkStep step = store.changeMany(action, selector, cursor, batch).join();
            batches++;
            refs.addAll(step.changed());
            step.skipped().forEach((k, v) -> skipped.merge(k, v, Long::sum));
            notFound.addAll(step.notFound());
            cursor = step.next();
        }
        return new Applied(refs.size(), skipped, notFound, refs, batches);
    }

    /** Every job the criteria match, the action applied in batches of 100. */
    protected Applied all(JobAction action, JobCriteria criteria) {
        return applyAll(action, JobSelector.matching(criteria), 100);
    }
}

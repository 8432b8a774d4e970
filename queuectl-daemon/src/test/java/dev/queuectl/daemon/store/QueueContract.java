package dev.queuectl.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.Queue;
import dev.queuectl.daemon.job.QueueChange;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The store contract for named queues: created on first use, settings and defaults, the claim
 * honouring pause and concurrency without holding other queues back, counts, and removal.
 */
public abstract class QueueContract extends JobStoreFixture {

    protected static NewJob inQueue(String id, String queue) {
        return job(id).in(queue, List.of());
    }

    protected Queue queue(String name) {
        return store.queues(true).join().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> ids(List<ClaimedRun> runs) {
        List<String> out = new ArrayList<>();
        for (ClaimedRun r : runs) {
            out.add(r.id());
        }
        return out;
    }

    @Test
    void aQueueIsCreatedOnFirstUseAndCountsItsJobs() {
        store.enqueue(inQueue("b1", "backups")).join();
        store.enqueueAll(List.of(inQueue("b2", "backups"), inQueue("d1", "default"))).join();
        Queue backups = queue("backups");
        assertEquals(2L, backups.counts().get(JobState.PENDING));
        assertNull(backups.concurrency(), "no limit but the pool");
        assertFalse(backups.paused());
        assertEquals("backups", find("b1").queue());
        assertEquals("default", find("d1").queue());
        assertEquals(List.of("backups", "default"), store.queues(false).join().stream().map(Queue::name).toList());
        assertEquals(find("b1").runAt(), backups.oldestDue(), "the oldest due job's run_at");
        assertNull(store.queues(false).join().get(0).oldestDue(), "not read when not asked for");
    }

    @Test
    void aPausedQueueIsNotClaimedFromAndDoesNotHoldOthersBack() {
        store.saveQueue("slow", QueueChange.NONE, true).join();
        store.enqueue(new NewJob("s1", "echo", 0, 100, null, null).in("slow", List.of())).join();
        store.enqueue(inQueue("f1", "fast")).join();
        store.pauseQueues(List.of("slow"), true).join();
        assertEquals(List.of("f1"), ids(store.claim(NODE, 5).join()), "the paused queue's job, though first, waits");
        assertTrue(store.claim(NODE, 5).join().isEmpty());
        assertTrue(queue("slow").paused());
        List<Queue> resumed = store.pauseQueues(List.of("slow"), false).join();
        assertFalse(resumed.get(0).paused());
        assertEquals(List.of("s1"), ids(store.claim(NODE, 5).join()));
    }

    @Test
    void pausingNamesEveryQueueOrChangesNone() {
        store.saveQueue("a", QueueChange.NONE, true).join();
        QueueRefusedException e = assertInstanceOf(QueueRefusedException.class,
                failure(() -> store.pauseQueues(List.of("a", "nope"), true).join()));
        assertEquals("nope", e.queue());
        assertEquals(QueueRefusedException.Reason.NOT_FOUND, e.reason());
        assertFalse(queue("a").paused(), "all or none");
    }

    @Test
    void concurrencyCapsAQueuesRunningJobsAcrossClaims() {
        store.saveQueue("backups", new QueueChange(2, null, null, false, false, false), true).join();
        for (int i = 0; i < 4; i++) {
            store.enqueue(inQueue("b" + i, "backups")).join();
        }
        store.enqueue(new NewJob("other", "echo", 0, -5, null, null)).join();
        List<ClaimedRun> first = store.claim(NODE, 10).join();
        assertEquals(List.of("b0", "b1", "other"), ids(first), "two of backups, and the other queue's job");
        assertTrue(queue("backups").full());
        assertTrue(store.claim(NODE, 10).join().isEmpty(), "full: nothing more of backups");
        finish(first.get(0), Transition.COMPLETE, RunOutcome.COMPLETED, null);
        assertEquals(List.of("b2"), ids(store.claim(NODE, 10).join()), "a run's end makes room for one");
        finish(first.get(1), Transition.COMPLETE, RunOutcome.COMPLETED, null);
        var next = store.finishAndClaim(end(first.get(2), Transition.COMPLETE, RunOutcome.COMPLETED, null), NODE, 5)
                .join();
        assertEquals(List.of("b3"), ids(next.claimed()), "the claim with a run's end honours the limit too");
    }

    @Test
    void theClaimKeepsPriorityOrderAcrossQueues() {
        store.enqueue(new NewJob("low", "echo", 0, 1, null, null).in("a", List.of())).join();
        store.enqueue(new NewJob("high", "echo", 0, 9, null, null).in("b", List.of())).join();
        store.enqueue(new NewJob("mid", "echo", 0, 5, null, null).in("c", List.of())).join();
        assertEquals(List.of("high", "mid"), ids(store.claim(NODE, 2).join()));
        assertEquals(List.of("low"), ids(store.claim(NODE, 2).join()));
    }

    @Test
    void concurrentClaimsNeverExceedAQueuesConcurrency() {
        store.saveQueue("one", new QueueChange(1, null, null, false, false, false), true).join();
        for (int i = 0; i < 20; i++) {
            store.enqueue(inQueue("j" + i, "one")).join();
        }
        List<CompletableFuture<List<ClaimedRun>>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(store.claim("node-" + i, 3));
        }
        int claimed = 0;
        for (CompletableFuture<List<ClaimedRun>> c : claims) {
            claimed += c.join().size();
        }
        assertEquals(1, claimed, "one job of a queue of concurrency 1, however many claim at once");
    }

    @Test
    void aQueuesDefaultsApplyToJobsWithoutTheirOwn() {
        store.saveQueue("q", new QueueChange(null, 7, 90_000L, false, false, false), true).join();
        store.enqueue(new NewJob(null, "echo", 3, 0, null, null, null, null, null, "q", List.of(), true)).join();
        store.enqueue(new NewJob("own", "echo", 1, 0, null, 5_000L, null, null, null, "q", List.of(), false)).join();
        store.enqueueAll(List.of(new NewJob("batched", "echo", 3, 0, null, null, null, null, null, "q", List.of(),
                true))).join();
        Job inherits = store.list(new JobCriteria(null, null, null, null, null, "q"), false, null, 10).join()
                .jobs().get(0);
        assertEquals(7, inherits.maxRetries());
        assertEquals(Duration.ofSeconds(90), inherits.timeout());
        assertEquals(1, find("own").maxRetries(), "a job's own settings win");
        assertEquals(Duration.ofSeconds(5), find("own").timeout());
        assertEquals(7, find("batched").maxRetries());
        assertEquals(Duration.ofSeconds(90), find("batched").timeout());
        store.enqueue(new NewJob("plain", "echo", 3, 0, null, null, null, null, null, "fresh", List.of(), true))
                .join();
        assertEquals(3, find("plain").maxRetries(), "a new queue has no defaults of its own");
        assertNull(find("plain").timeout());
    }

    @Test
    void settingsChangeAndResetAndAnExistingQueueIsNotAddedTwice() {
        store.saveQueue("q", new QueueChange(4, 2, 1_000L, false, false, false), true).join();
        Queue changed = store.saveQueue("q", new QueueChange(null, 5, null, true, false, false), false).join();
        assertNull(changed.concurrency(), "reset");
        assertEquals(5, changed.maxRetries());
        assertEquals(Duration.ofSeconds(1), changed.timeout(), "left as it was");
        assertEquals(QueueRefusedException.Reason.EXISTS, assertInstanceOf(QueueRefusedException.class,
                failure(() -> store.saveQueue("q", QueueChange.NONE, true).join())).reason());
        assertEquals(QueueRefusedException.Reason.NOT_FOUND, assertInstanceOf(QueueRefusedException.class,
                failure(() -> store.saveQueue("nope", QueueChange.NONE, false).join())).reason());
    }

    @Test
    void aQueueWithJobsIsNotRemovedAnEmptyOneIs() {
        store.enqueue(inQueue("x", "busy")).join();
        QueueRefusedException e = assertInstanceOf(QueueRefusedException.class,
                failure(() -> store.removeQueue("busy").join()));
        assertEquals(QueueRefusedException.Reason.NOT_EMPTY, e.reason());
        assertEquals(1, e.jobs());
        store.saveQueue("idle", QueueChange.NONE, true).join();
        store.removeQueue("idle").join();
        assertTrue(store.queues(false).join().stream().noneMatch(q -> q.name().equals("idle")));
        assertEquals(QueueRefusedException.Reason.NOT_FOUND, assertInstanceOf(QueueRefusedException.class,
                failure(() -> store.removeQueue("idle").join())).reason());
    }

    @Test
    void listingsFilterByQueue() {
        store.enqueueAll(List.of(inQueue("a1", "a"), inQueue("b1", "b"), inQueue("a2", "a"))).join();
        List<String> ids = new ArrayList<>();
        for (Job j : store.list(new JobCriteria(null, null, null, null, null, "a"), false, null, 10).join().jobs()) {
            ids.add(j.id());
        }
        assertEquals(List.of("a1", "a2"), ids);
    }
}

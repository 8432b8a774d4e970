package dev.queuectl.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobSelector;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.Readiness;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store contract for dependencies: a job waits (out of the claim) until every job it names
 * completed; a dead dependency takes its waiting dependents along, transitively, and bringing it
 * back brings them back; purge and retention keep what waiting jobs need; chains and fans scale.
 */
public abstract class DependencyContract extends QueueContract {

    protected static NewJob after(String id, String... deps) {
        return job(id).in(null, List.of(deps));
    }

    private List<String> claimIds(int max) {
        List<String> out = new ArrayList<>();
        for (ClaimedRun r : store.claim(NODE, max).join()) {
            out.add(r.id());
        }
        return out;
    }

    private void complete(String id) {
        assertTrue(finish(claimOne(id), Transition.COMPLETE, RunOutcome.COMPLETED, null));
    }

    @Test
    void aJobWaitsUntilAllItsDependenciesCompleted() {
        store.enqueueAll(List.of(job("build"), job("test"))).join();
        store.enqueue(after("deploy", "build", "test")).join();
        assertEquals(2, find("deploy").depsLeft());
        assertEquals(List.of("build", "test"), claimIds(10), "deploy is not claimable while it waits");
        var runs = store.claim(NODE, 0).join();
        assertTrue(runs.isEmpty());
        assertEquals(1L, store.waiting().join().get(JobState.PENDING).get(Readiness.DEPENDENCIES));
        assertEquals(0L, store.waiting().join().get(JobState.PENDING).get(Readiness.DUE));
        assertEquals(List.of("build", "test"), store.dependencies(find("deploy").seq(), 10).join().dependencies()
                .stream().map(JobRef::id).toList());
        assertEquals(List.of("deploy"), store.dependencies(find("build").seq(), 10).join().dependents()
                .stream().map(JobRef::id).toList());
        assertEquals(JobState.PROCESSING, store.dependencies(find("deploy").seq(), 10).join().dependencies()
                .get(0).state());
        assertTrue(finish(runsOf("build"), Transition.COMPLETE, RunOutcome.COMPLETED, null));
        assertEquals(1, find("deploy").depsLeft());
        assertTrue(claimIds(10).isEmpty());
        var next = store.finishAndClaim(end(runsOf("test"), Transition.COMPLETE, RunOutcome.COMPLETED, null), NODE, 3)
                .join();
        assertEquals(List.of("deploy"), next.claimed().stream().map(ClaimedRun::id).toList(),
                "the last dependency's end frees it in the same transaction");
    }

    /** The run claimed for {@code id} by {@link #claimIds} or claimOne. */
    private ClaimedRun runsOf(String id) {
        return store.runsInProgress(NODE).join().stream().filter(r -> r.id().equals(id)).findFirst()
                .map(r -> new ClaimedRun(r.seq(), r.id(), "", NODE, r.attempt(), 0, 0, 0, null, clock.instant(),
                        clock.instant(), clock.instant(), null, null, "default"))
                .orElseThrow();
    }

    @Test
    void aCompletedDependencyCountsAtOnceAndAnUnknownOneIsRefused() {
        store.enqueue(job("done")).join();
        complete("done");
        store.enqueue(after("next", "done")).join();
        assertEquals(0, find("next").depsLeft());
        assertEquals(List.of("next"), claimIds(5));
        UnknownDependencyException e = assertInstanceOf(UnknownDependencyException.class,
                failure(() -> store.enqueue(after("x", "done", "ghost", "phantom")).join()));
        assertEquals(List.of("ghost", "phantom"), e.ids());
        assertTrue(store.find("x").join().isEmpty(), "nothing was enqueued");
    }

    @Test
    void aBatchMayWaitForItsOwnEarlierJobs() {
        store.enqueueAll(List.of(job("a"), after("b", "a"), after("c", "a", "b"))).join();
        assertEquals(1, find("b").depsLeft());
        assertEquals(2, find("c").depsLeft());
        UnknownDependencyException e = assertInstanceOf(UnknownDependencyException.class,
                failure(() -> store.enqueueAll(List.of(after("p", "q"), job("q"))).join()));
        assertEquals(0, e.batchIndex(), "a later line of the batch is not known yet");
        assertTrue(store.find("q").join().isEmpty(), "none of the batch");
    }

    @Test
    void aDeadDependencyKillsItsWaitingDependentsTransitivelyAndRetryingItBringsThemBack() {
        store.enqueueAll(List.of(job("a"), job("other"), after("b", "a"), after("c", "b", "other"),
                after("d", "c"))).join();
        store.enqueue(new NewJob("fails", "false", 0, 0, null, null)).join();
        assertEquals(List.of("a", "other", "fails"), claimIds(10));
        assertTrue(finish(runsOf("a"), Transition.BURY, RunOutcome.FAILED, null));
        assertEquals(JobState.DEAD, find("b").state());
        assertEquals("dependency a is dead", find("b").lastError());
        assertEquals("dependency b is dead", find("c").lastError());
        assertEquals("dependency c is dead", find("d").lastError());
        assertTrue(finish(runsOf("other"), Transition.COMPLETE, RunOutcome.COMPLETED, null));
        store.change(JobAction.RETRY, "a").join();
        for (String id : List.of("b", "c", "d")) {
            assertEquals(JobState.PENDING, find(id).state(), id + " waits again");
            assertNull(find(id).lastError());
        }
        assertEquals(1, find("c").depsLeft(), "other completed meanwhile; b is still to come");
        assertEquals(List.of("a"), claimIds(10));
    }

    @Test
    void cancellingADependencyKillsItsDependentsAndRerunningItRevivesThem() {
        store.enqueueAll(List.of(job("x"), after("y", "x"))).join();
        store.change(JobAction.CANCEL, "x").join();
        assertEquals(JobState.DEAD, find("y").state());
        assertEquals("dependency x is dead", find("y").lastError());
        store.enqueue(after("late", "x")).join();
        assertEquals(JobState.DEAD, find("late").state(), "a job waiting for a dead job is dead at once");
        store.changeMany(JobAction.RERUN, JobSelector.ids(List.of("x")), dev.queuectl.daemon.job.BulkCursor.START, 10)
                .join();
        assertEquals(JobState.PENDING, find("y").state());
        assertEquals(JobState.PENDING, find("late").state());
    }

    @Test
    void purgeAndRetentionKeepWhatWaitingJobsNeed() {
        store.enqueueAll(List.of(job("dep"), job("lonely"), job("slow"), after("waiter", "dep", "slow"))).join();
        complete("dep");
        complete("lonely");
        clock.advance(Duration.ofDays(30));
        assertEquals(1L, store.pruneKept(JobState.COMPLETED, clock.instant()).join());
        List<JobRef> gone = store.prune(JobState.COMPLETED, clock.instant(), 100).join();
        assertEquals(List.of("lonely"), gone.stream().map(JobRef::id).toList(), "dep is kept: waiter needs it");
        assertTrue(store.find("dep").join().isPresent());
        store.change(JobAction.CANCEL, "slow").join();
        assertEquals(JobState.DEAD, find("waiter").state());
        assertEquals(0L, store.pruneKept(JobState.COMPLETED, clock.instant().plusSeconds(1)).join(),
                "nobody waits any more");
    }

    @Test
    void aDeadJobThatAWaitingJobStillNeedsIsNotPurged() {
        store.enqueueAll(List.of(job("x"), job("z"), after("w", "x", "z"))).join();
        complete("x");
        store.change(JobAction.RERUN, "x").join();
        store.change(JobAction.CANCEL, "x").join();
        assertEquals(JobState.PENDING, find("w").state(), "x completed once: that counts");
        assertInstanceOf(JobNeededException.class, failure(() -> store.purge("x").join()));
        var applied = applyAll(JobAction.PURGE, JobSelector.ids(List.of("x")), 10);
        assertEquals(0, applied.changed());
        assertEquals(1L, applied.skipped().get(JobAction.NEEDED));
    }

    @Test
    void aChainAndAFanOfManyRunInOrder() {
        int n = 2_000;
        List<NewJob> chain = new ArrayList<>();
        chain.add(job("c0"));
        for (int i = 1; i < n; i++) {
            chain.add(after("c" + i, "c" + (i - 1)));
        }
        store.enqueueAll(chain).join();
        List<String> fan = new ArrayList<>();
        List<NewJob> fanJobs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            fan.add("f" + i);
            fanJobs.add(job("f" + i));
        }
        store.enqueueAll(fanJobs).join();
        store.enqueue(after("join", fan.toArray(new String[0]))).join();
        assertEquals(1_000, find("join").depsLeft());
        ClaimedRun run = store.claim(NODE, 1).join().get(0);
        assertEquals("c0", run.id());
        for (int i = 1; i < n; i++) {
            var r = store.finishAndClaim(end(run, Transition.COMPLETE, RunOutcome.COMPLETED, null), NODE, 1).join();
            run = r.claimed().get(0);
            assertEquals("c" + i, run.id());
        }
        finish(run, Transition.COMPLETE, RunOutcome.COMPLETED, null);
        for (int i = 0; i < 1_000; i++) {
            var runs = store.claim(NODE, 1).join();
            assertTrue(runs.get(0).id().startsWith("f"), "the fan's jobs first: " + runs.get(0).id());
            finish(runs.get(0), Transition.COMPLETE, RunOutcome.COMPLETED, null);
        }
        assertEquals(List.of("join"), claimIds(5));
    }
}

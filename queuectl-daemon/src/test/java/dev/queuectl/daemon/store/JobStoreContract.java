package dev.queuectl.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.job.Attempt;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.Histogram;
import dev.queuectl.daemon.job.InProgressRun;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobDetails;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.MinuteStats;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.RunStart;
import dev.queuectl.daemon.job.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The definition of "the store works": every backend's test class extends this and only says
 * how to open a fresh store. Covers enqueue and duplicates, the claim (order, due times, exactly
 * once under concurrent claimers), every legal and illegal transition, history, recovery by
 * owner, prune, group-commit isolation and the injected clock; {@link JobContextContract} (which
 * this extends) covers a job's context, holds, listings, bulk actions and edits.
 * {@link JobStoreScaleContract} adds the million-job store.
 */
public abstract class JobStoreContract extends JobContextContract {
    // ---- enqueue ----

    @Test
    void anEnqueuedJobIsStoredAsGivenWithTheClocksTime() {
        clock.advance(Duration.ofDays(3));
        Job j = store.enqueue(new NewJob("a", "echo a", 2, 7, null, 1500L)).join();
        assertEquals("a", j.id());
        assertEquals(JobState.PENDING, j.state());
        Job stored = find("a");
        assertEquals("echo a", stored.command());
        assertEquals(2, stored.maxRetries());
        assertEquals(7, stored.priority());
        assertEquals(Duration.ofMillis(1500), stored.timeout());
        assertEquals(0, stored.attempts());
        assertTrue(Duration.between(clock.instant(), stored.createdAt()).abs().toSeconds() < 5,
                "created_at comes from the injected clock, 3 days ahead: " + stored.createdAt());
        assertEquals(stored.createdAt(), stored.runAt(), "due at once");
    }

    @Test
    void jobsWithoutAnIdAreNumberedInEnqueueOrder() {
        String first = store.enqueue(job(null)).join().id();
        List<String> ids = store.enqueueAll(List.of(job(null), job(null))).join();
        assertEquals(List.of(Long.parseLong(first) + 1, Long.parseLong(first) + 2),
                List.of(Long.parseLong(ids.get(0)), Long.parseLong(ids.get(1))));
    }

    @Test
    void aDuplicateIdIsRefusedAndTheOriginalKept() {
        store.enqueue(job("dup")).join();
        Throwable t = failure(() -> store.enqueue(new NewJob("dup", "rm -rf /", 0, 9, null, null)).join());
        DuplicateJobException d = assertInstanceOf(DuplicateJobException.class, t);
        assertEquals("dup", d.id());
        assertEquals(JobState.PENDING, d.existingState());
        assertEquals(-1, d.batchIndex());
        assertEquals("echo dup", find("dup").command());
    }

    @Test
    void aBatchWithADuplicateIsRefusedWholeNamingTheJob() {
        store.enqueue(job("taken")).join();
        List<NewJob> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(job(i == 170 ? "taken" : "b" + i));
        }
        Throwable t = failure(() -> store.enqueueAll(batch).join());
        assertEquals(170, assertInstanceOf(DuplicateJobException.class, t).batchIndex());
        assertEquals(1L, total(), "nothing of the batch was stored");
        Throwable twice = failure(() -> store.enqueueAll(List.of(job("x"), job("y"), job("x"))).join());
        assertEquals(2, assertInstanceOf(DuplicateJobException.class, twice).batchIndex());
        assertTrue(store.find("x").join().isEmpty());
    }

    @Test
    void oneRefusedWriteDoesNotUndoTheOthersCommittedWithIt() {
        store.enqueue(job("taken")).join();
        List<java.util.concurrent.CompletableFuture<Job>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            writes.add(store.enqueue(job(i == 100 ? "taken" : "g" + i)));
        }
        int refused = 0;
        for (var w : writes) {
            try {
                w.join();
            } catch (CompletionException e) {
                assertInstanceOf(DuplicateJobException.class, e.getCause());
                refused++;
            }
        }
        assertEquals(1, refused);
        assertEquals(200L, total(), "the 199 others and the original");
    }


    // ---- the claim ----

    @Test
    void theClaimTakesDueJobsByPriorityThenRunAtThenEnqueueOrder() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        store.enqueue(job("low", 0, null, 0)).join();
        store.enqueue(job("high", 5, null, 0)).join();
        store.enqueue(job("early", 0, now.minusSeconds(60), 0)).join();
        store.enqueue(job("later", 0, now.plusSeconds(60), 0)).join();
        List<String> ids = new ArrayList<>();
        store.claim(NODE, 10).join().forEach(r -> ids.add(r.id()));
        assertEquals(List.of("high", "early", "low"), ids, "'later' is not due");
        assertEquals(now.plusSeconds(60), store.nextDue().join().orElseThrow());
        clock.advance(Duration.ofSeconds(61));
        ClaimedRun later = claimOne("later");
        assertEquals(NODE, later.node());
        assertEquals(1, later.attempt());
        assertEquals(JobState.PROCESSING, find("later").state());
    }

    @Test
    void concurrentClaimersNeverGetTheSameJob() throws Exception {
        int jobs = 3_000;
        List<NewJob> batch = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            batch.add(job("c" + i));
        }
        store.enqueueAll(batch).join();
        int threads = 8;
        List<List<ClaimedRun>> got = new ArrayList<>();
        List<Thread> claimers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<ClaimedRun> mine = java.util.Collections.synchronizedList(new ArrayList<>());
            got.add(mine);
            String node = "node-" + t;
            int size = 1 + t * 3;
            claimers.add(new Thread(() -> {
                List<ClaimedRun> claimed;
                while (!(claimed = store.claim(node, size).join()).isEmpty()) {
                    mine.addAll(claimed);
                }
            }));
        }
        claimers.forEach(Thread::start);
        for (Thread t : claimers) {
            t.join(60_000);
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int claims = 0;
        for (List<ClaimedRun> mine : got) {
            for (ClaimedRun r : mine) {
                claims++;
                assertTrue(seen.add(r.seq()), "job " + r.id() + " was claimed twice");
            }
        }
        assertEquals(jobs, claims);
        assertEquals((long) jobs, store.counts().join().get(JobState.PROCESSING));
    }

    // ---- transitions ----

    @Test
    void aRunEndsCompletedAndIsInTheHistory() {
        store.enqueue(job("ok")).join();
        ClaimedRun run = claimOne("ok");
        store.recordStart(new RunStart(run.seq(), run.attempt(), NODE, clock.instant(), 4242, 4242, 99, "boot", null));
        store.claim(NODE, 0).join(); // any later write commits the recorded start first
        assertEquals(Optional.empty(), store.runOutcome(run.seq(), run.attempt()).join(), "no outcome while it runs");
        assertTrue(finish(run, Transition.COMPLETE, RunOutcome.COMPLETED, null));
        assertEquals(Optional.of(RunOutcome.COMPLETED), store.runOutcome(run.seq(), run.attempt()).join());
        assertEquals(Optional.empty(), store.runOutcome(run.seq(), run.attempt() + 1).join(), "no such run");
        JobDetails d = store.find("ok").join().orElseThrow();
        assertEquals(JobState.COMPLETED, d.job().state());
        assertEquals(1, d.job().attempts());
        assertEquals(0, d.job().exitCode());
        Attempt a = d.history().get(0);
        assertEquals(RunOutcome.COMPLETED, a.outcome());
        assertEquals(NODE, a.node());
        assertTrue(store.claim(NODE, 5).join().isEmpty(), "a completed job is never claimed again");
    }

    @Test
    void aFailureWithRetriesLeftWaitsForItsRetryThenRunsAgain() {
        store.enqueue(job("flaky", 0, null, 2)).join();
        ClaimedRun first = claimOne("flaky");
        Instant retry = clock.instant().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        assertTrue(finish(first, Transition.RETRY_LATER, RunOutcome.FAILED, retry));
        Job j = find("flaky");
        assertEquals(JobState.FAILED, j.state());
        assertEquals(retry, j.runAt());
        assertEquals("it failed", j.lastError());
        assertTrue(store.claim(NODE, 5).join().isEmpty(), "not before its retry");
        assertEquals(retry, store.nextDue().join().orElseThrow());
        clock.advance(Duration.ofSeconds(5));
        ClaimedRun second = claimOne("flaky");
        assertEquals(2, second.attempt());
        assertEquals(1, second.failures());
        assertTrue(finish(second, Transition.BURY, RunOutcome.TIMED_OUT, null));
        JobDetails d = store.find("flaky").join().orElseThrow();
        assertEquals(JobState.DEAD, d.job().state());
        assertEquals(2, d.history().size());
        assertEquals(RunOutcome.TIMED_OUT, d.history().get(1).outcome());
    }

    @Test
    void anInterruptedRunIsNotCountedAndTheJobIsPendingAgain() {
        store.enqueue(job("i")).join();
        ClaimedRun run = claimOne("i");
        assertTrue(finish(run, Transition.INTERRUPT, RunOutcome.INTERRUPTED, null));
        Job j = find("i");
        assertEquals(JobState.PENDING, j.state());
        assertEquals(0, j.attempts());
        assertEquals(2, claimOne("i").attempt(), "the next run has the next number");
    }

    @Test
    void aRunsEndIsRefusedWhenTheJobLeftProcessing() {
        store.enqueue(job("gone")).join();
        ClaimedRun run = claimOne("gone");
        store.interrupt(store.runsInProgress(NODE).join(), "test").join();
        assertFalse(finish(run, Transition.COMPLETE, RunOutcome.COMPLETED, null),
                "a late end of a run that was already recovered does not apply");
        assertEquals(JobState.PENDING, find("gone").state());
    }

    @Test
    void cancelMovesWaitingJobsToDeadAndRefusesOthers() {
        store.enqueue(job("p")).join();
        Job cancelled = store.change(JobAction.CANCEL, "p").join();
        assertEquals(JobState.DEAD, cancelled.state());
        assertEquals("cancelled", cancelled.lastError());
        store.enqueue(job("f", 0, null, 3)).join();
        finish(claimOne("f"), Transition.RETRY_LATER, RunOutcome.FAILED, clock.instant().plusSeconds(60));
        assertEquals(JobState.DEAD, store.change(JobAction.CANCEL, "f").join().state(), "a failed job waiting for its retry");
        store.enqueue(job("run")).join();
        claimOne("run");
        IllegalTransitionException busy = assertInstanceOf(IllegalTransitionException.class,
                failure(() -> store.change(JobAction.CANCEL, "run").join()));
        assertEquals(JobState.PROCESSING, busy.current(), "a running job is stopped by the engine, not the store");
        IllegalTransitionException dead = assertInstanceOf(IllegalTransitionException.class,
                failure(() -> store.change(JobAction.CANCEL, "p").join()));
        assertEquals(JobState.DEAD, dead.current());
        assertInstanceOf(JobNotFoundException.class, failure(() -> store.change(JobAction.CANCEL, "nobody").join()));
    }

    @Test
    void reviveBringsDeadJobsBackWithTheirHistory() {
        store.enqueue(job("d", 0, null, 0)).join();
        finish(claimOne("d"), Transition.BURY, RunOutcome.FAILED, null);
        Job revived = store.change(JobAction.RETRY, "d").join();
        assertEquals(JobState.PENDING, revived.state());
        assertEquals(0, revived.attempts());
        assertEquals(1, store.find("d").join().orElseThrow().history().size(), "history kept");
        assertEquals(2, claimOne("d").attempt());
        IllegalTransitionException e = assertInstanceOf(IllegalTransitionException.class,
                failure(() -> store.change(JobAction.RETRY, "d").join()));
        assertEquals(JobState.PROCESSING, e.current());
        assertInstanceOf(JobNotFoundException.class, failure(() -> store.change(JobAction.RETRY, "nobody").join()));
        store.enqueue(job("d2")).join();
        store.change(JobAction.CANCEL, "d2").join();
        store.enqueue(job("d3")).join();
        store.change(JobAction.CANCEL, "d3").join();
        assertEquals(2, all(JobAction.RETRY, JobCriteria.ALL).changed());
        assertEquals(0L, store.counts().join().get(JobState.DEAD));
    }

    @Test
    void purgeDeletesDeadJobsOnly() {
        store.enqueue(job("keep")).join();
        store.enqueue(job("dead")).join();
        store.change(JobAction.CANCEL, "dead").join();
        assertEquals(JobState.PENDING, assertInstanceOf(IllegalTransitionException.class,
                failure(() -> store.purge("keep").join())).current());
        assertEquals("dead", store.purge("dead").join().id());
        assertTrue(store.find("dead").join().isEmpty());
        assertTrue(store.locate("dead").join().isEmpty());
        store.enqueue(job("dead")).join();
        assertEquals(JobState.PENDING, find("dead").state(), "ids are unique among existing jobs only");
        store.change(JobAction.CANCEL, "dead").join();
        assertEquals(1, all(JobAction.PURGE, JobCriteria.ALL).changed());
        assertEquals(1L, total());
    }

    // ---- recovery, prune, configuration ----

    @Test
    void runsInProgressAreFoundByTheirOwner() {
        for (String id : List.of("a1", "a2", "b1", "b2", "b3")) {
            store.enqueue(job(id)).join();
        }
        store.claim("node-a", 2).join();
        List<ClaimedRun> b = store.claim("node-b", 3).join();
        ClaimedRun b1 = b.get(0);
        store.recordStart(new RunStart(b1.seq(), b1.attempt(), "node-b", clock.instant(), 777, 777, 12345, "boot-1",
                "/sys/fs/cgroup/queuectld-0123456789ab/slot-3"));
        ClaimedRun b2 = b.get(1);
        store.recordStart(new RunStart(b2.seq(), b2.attempt(), "node-b", clock.instant(), 778, 778, 12346, "boot-1",
                null));
        List<InProgressRun> mine = store.runsInProgress("node-a").join();
        assertEquals(List.of("a1", "a2"), mine.stream().map(InProgressRun::id).sorted().toList());
        List<InProgressRun> theirs = store.runsInProgress("node-b").join();
        assertEquals(3, theirs.size());
        InProgressRun started = theirs.stream().filter(r -> r.id().equals("b1")).findFirst().orElseThrow();
        assertEquals("node-b", started.node());
        assertEquals(777, started.pid());
        assertEquals(12345L, started.procStart());
        assertEquals("boot-1", started.bootId());
        assertEquals("/sys/fs/cgroup/queuectld-0123456789ab/slot-3", started.cgroup(), "the run's cgroup with its pid");
        InProgressRun withoutCgroup = theirs.stream().filter(r -> r.id().equals("b2")).findFirst().orElseThrow();
        assertEquals(778, withoutCgroup.pid());
        assertNull(withoutCgroup.cgroup(), "a run without a cgroup of its own");
        assertEquals(3, store.interrupt(theirs, "node node-b stopped").join());
        assertEquals(2L, store.counts().join().get(JobState.PROCESSING), "node-a's runs untouched");
        Attempt interrupted = store.find("b1").join().orElseThrow().history().get(0);
        assertEquals(RunOutcome.INTERRUPTED, interrupted.outcome());
        assertTrue(interrupted.error().contains("node node-b stopped"), interrupted.error());
        assertEquals(JobState.PENDING, find("b1").state());
    }

    @Test
    void pruneDeletesFinishedJobsUpdatedBeforeACutOffInBatches() {
        for (int i = 0; i < 7; i++) {
            store.enqueue(job("old" + i)).join();
            finish(claimOne("old" + i), Transition.COMPLETE, RunOutcome.COMPLETED, null);
        }
        clock.advance(Duration.ofDays(10));
        store.enqueue(job("new")).join();
        finish(claimOne("new"), Transition.COMPLETE, RunOutcome.COMPLETED, null);
        store.enqueue(job("waiting")).join();
        Instant cutoff = clock.instant().minus(Duration.ofDays(5));
        assertEquals(5, store.prune(JobState.COMPLETED, cutoff, 5).join().size(), "a batch at most");
        assertEquals(2, store.prune(JobState.COMPLETED, cutoff, 5).join().size());
        assertEquals(0, store.prune(JobState.COMPLETED, cutoff, 5).join().size());
        assertTrue(store.find("new").join().isPresent());
        assertEquals(JobState.PENDING, find("waiting").state());
        assertEquals(2L, total());
    }

    @Test
    void countsFollowEveryChange() {
        store.enqueue(job("a")).join();
        store.enqueue(job("b")).join();
        store.enqueue(job("c")).join();
        finish(claimOne("a"), Transition.COMPLETE, RunOutcome.COMPLETED, null);
        claimOne("b");
        store.change(JobAction.CANCEL, "c").join();
        Map<JobState, Long> counts = store.counts().join();
        assertEquals(Map.of(JobState.PENDING, 0L, JobState.PROCESSING, 1L, JobState.COMPLETED, 1L,
                JobState.FAILED, 0L, JobState.DEAD, 1L), counts);
    }

    @Test
    void configurationIsStoredAndReadBack() {
        store.saveConfig(Map.of("workers", "4", "max_retries", "2")).join();
        store.saveConfig(Map.of("workers", "6")).join();
        assertEquals(Map.of("workers", "6", "max_retries", "2"), store.loadConfig().join());
    }

    @Test
    void aStoreOfAFreshFileHasNoJobsAndNothingDue() {
        assertEquals(0L, total());
        assertTrue(store.nextDue().join().isEmpty());
        assertTrue(store.oldestDue().join().isEmpty());
        assertNull(store.find("x").join().orElse(null));
    }

    // ---- run statistics ----

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static MinuteStats minute(String node, int minutesAfterT0, long completed, long failed, double... runMillis) {
        long[] runs = new long[Histogram.BINS];
        for (double ms : runMillis) {
            runs[Histogram.bin(ms)]++;
        }
        long[] waits = new long[Histogram.BINS];
        waits[Histogram.bin(3)] = completed + failed;
        return new MinuteStats(node, T0.plus(Duration.ofMinutes(minutesAfterT0)), completed, failed,
                Histogram.of(waits), Histogram.of(runs));
    }

    @Test
    void runStatisticsAreKeptPerNodeAndMinuteAndReadBackOldestFirst() {
        MinuteStats a2 = minute(NODE, 2, 5, 1, 10, 20, 30, 40, 50, 3_600_000);
        MinuteStats a1 = minute(NODE, 1, 2, 0, 0.5, 7);
        store.saveRunStats(NODE, List.of(a2, a1), T0.minus(Duration.ofDays(1))).join();
        store.saveRunStats("node-b", List.of(minute("node-b", 1, 9, 9)), T0.minus(Duration.ofDays(1))).join();
        assertEquals(List.of(a1, a2), store.runStats(NODE, T0).join());
        assertEquals(List.of(a2), store.runStats(NODE, T0.plus(Duration.ofMinutes(2))).join(), "from 'since' on");
        assertEquals(List.of(minute("node-b", 1, 9, 9)), store.runStats("node-b", T0).join());
        assertEquals(List.of(), store.runStats("node-c", T0).join());
    }

    @Test
    void aSavedMinuteReplacesTheOneKeptBeforeAndOldMinutesAreDropped() {
        store.saveRunStats(NODE, List.of(minute(NODE, 0, 1, 0, 5), minute(NODE, 1, 1, 0, 5)),
                T0.minus(Duration.ofDays(1))).join();
        store.saveRunStats("node-b", List.of(minute("node-b", 0, 4, 0)), T0.minus(Duration.ofDays(1))).join();
        MinuteStats later = minute(NODE, 1, 3, 2, 5, 6, 7, 8, 9);
        store.saveRunStats(NODE, List.of(later), T0.plus(Duration.ofMinutes(1))).join();
        assertEquals(List.of(later), store.runStats(NODE, T0.minus(Duration.ofDays(1))).join(),
                "minute 1 replaced, minute 0 dropped");
        assertEquals(1, store.runStats("node-b", T0).join().size(), "another node's minutes are left alone");
    }

    @Test
    void statisticsOfAnotherNodeAreRefusedAndChangeNothing() {
        Throwable t = failure(() -> store.saveRunStats(NODE, List.of(minute("node-b", 0, 1, 0)), T0).join());
        assertInstanceOf(IllegalArgumentException.class, t);
        assertEquals(List.of(), store.runStats("node-b", T0.minus(Duration.ofDays(1))).join());
    }
}

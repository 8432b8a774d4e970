package dev.queuectl.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.job.BulkCursor;
import dev.queuectl.daemon.job.BulkPreview;
import dev.queuectl.daemon.job.BulkStep;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobEdit;
import dev.queuectl.daemon.job.JobPage;
import dev.queuectl.daemon.job.JobSelector;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.Readiness;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store contract for what a job carries besides its command (working directory, environment,
 * labels, the held mark) and what is done to jobs on request: every action on every state, bulk
 * actions in batches with their skipped counts and dry runs, edits, filtered listings paged by
 * cursor, the waiting counts and completion candidates. Part of {@link JobStoreContract}.
 */
public abstract class JobContextContract extends JobStoreFixture {

    private static NewJob labelled(String id, Map<String, String> labels) {
        return new NewJob(id, "echo " + id, 0, 0, null, null, null, null, labels);
    }

    /** Priorities of {@link #jobIn}'s jobs: each outranks every job before it, so it is the one claimed. */
    private int nextPriority = 1_000;

    /** Leaves a new job in {@code state}. */
    private void jobIn(String id, JobState state) {
        store.enqueue(job(id, nextPriority++, null, 0)).join();
        switch (state) {
            case PENDING:
                break;
            case PROCESSING:
                claimOne(id);
                break;
            case COMPLETED:
                finish(claimOne(id), Transition.COMPLETE, RunOutcome.COMPLETED, null);
                break;
            case FAILED:
                finish(claimOne(id), Transition.RETRY_LATER, RunOutcome.FAILED, clock.instant().plusSeconds(600));
                break;
            case DEAD:
                finish(claimOne(id), Transition.BURY, RunOutcome.FAILED, null);
                break;
            default:
                throw new IllegalArgumentException(state.name());
        }
        assertEquals(state, find(id).state());
    }

    // ---- a job's context ----

    @Test
    void aJobKeepsItsWorkingDirectoryEnvironmentAndLabelsInOrder() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ZED", "last=first");
        env.put("API_TOKEN", "s3cr3t \"quoted\" ünïcode\nline");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("team", "infra");
        labels.put("app.kubernetes.io/name", "web");
        Job stored = store.enqueue(new NewJob("ctx", "make test", 1, 0, null, null, "/srv/project", env, labels))
                .join();
        assertEquals("/srv/project", stored.cwd());
        Job found = find("ctx");
        assertEquals("/srv/project", found.cwd());
        assertEquals(List.of("ZED", "API_TOKEN"), new ArrayList<>(found.env().keySet()));
        assertEquals(env, found.env());
        assertEquals(labels, found.labels());
        assertFalse(found.held());
        assertFalse(found.toString().contains("s3cr3t"), "toString never shows the environment");
        ClaimedRun run = claimOne("ctx");
        assertEquals("/srv/project", run.cwd());
        assertEquals(env, run.env(), "a run gets the values");
        assertFalse(run.toString().contains("s3cr3t"));
        Job listed = store.list(JobCriteria.ALL, false, null, 10).join().jobs().get(0);
        assertEquals(List.of("ZED", "API_TOKEN"), new ArrayList<>(listed.env().keySet()), "listings keep the names");
        assertNull(listed.env().get("API_TOKEN"), "listings leave the values out");
        assertEquals(labels, listed.labels());
        store.enqueue(job("plain")).join();
        Job plain = find("plain");
        assertNull(plain.cwd());
        assertTrue(plain.env().isEmpty() && plain.labels().isEmpty());
    }

    // ---- actions on every state ----

    @Test
    void everyActionAppliesToItsStatesAndIsRefusedInEveryOther() {
        for (JobAction action : List.of(JobAction.CANCEL, JobAction.RERUN, JobAction.RETRY, JobAction.HOLD,
                JobAction.RELEASE)) {
            for (JobState state : JobState.values()) {
                for (boolean held : state == JobState.PENDING || state == JobState.FAILED
                        ? List.of(false, true) : List.of(false)) {
                    String id = action.name().toLowerCase() + "-" + state.key() + (held ? "-held" : "");
                    jobIn(id, state);
                    if (held) {
                        store.change(JobAction.HOLD, id).join();
                    }
                    if (action.applies(state, held)) {
                        Job after = store.change(action, id).join();
                        JobState expected = action.transition() == null ? state : action.transition().to();
                        assertEquals(expected, after.state(), id);
                        assertEquals(action == JobAction.HOLD, after.held(), id + ": held mark");
                    } else {
                        IllegalTransitionException e = assertInstanceOf(IllegalTransitionException.class,
                                failure(() -> store.change(action, id).join()), id);
                        assertEquals(state, e.current(), id);
                        assertEquals(state, find(id).state(), id + " is unchanged");
                        assertEquals(held, find(id).held(), id + " is unchanged");
                    }
                }
            }
            assertInstanceOf(JobNotFoundException.class, failure(() -> store.change(action, "nobody").join()));
        }
        assertTrue(JobAction.CANCEL.applies(JobState.PENDING, true), "a held job can be cancelled");
        assertFalse(JobAction.RERUN.applies(JobState.FAILED, false), "rerun is for finished jobs only");
    }

    @Test
    void aRerunJobStartsItsAttemptsAgainKeepsItsHistoryAndNumbersItsNextRunOn() {
        jobIn("again", JobState.COMPLETED);
        clock.advance(Duration.ofMinutes(5));
        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Job rerun = store.change(JobAction.RERUN, "again").join();
        assertEquals(JobState.PENDING, rerun.state());
        assertEquals(0, rerun.attempts());
        assertFalse(rerun.runAt().isBefore(before), "due now, not at its first run_at");
        assertEquals(1, store.find("again").join().orElseThrow().history().size(), "history kept");
        assertEquals(2, claimOne("again").attempt(), "the next run is run 2");
    }

    @Test
    void aHeldJobIsNotClaimedUntilReleasedAndKeepsItsRunAt() {
        Instant later = clock.instant().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        store.enqueue(job("now")).join();
        store.enqueue(job("delayed", 0, later, 0)).join();
        store.enqueue(job("free")).join();
        store.change(JobAction.HOLD, "now").join();
        store.change(JobAction.HOLD, "delayed").join();
        assertTrue(find("now").held());
        assertEquals(List.of("free"), store.claim(NODE, 10).join().stream().map(ClaimedRun::id).toList());
        assertTrue(store.nextDue().join().isEmpty(), "a held job sets no timer");
        clock.advance(Duration.ofSeconds(61));
        assertTrue(store.claim(NODE, 10).join().isEmpty(), "held jobs stay unclaimed after their time");
        assertEquals(JobState.PENDING, find("now").state());
        store.change(JobAction.RELEASE, "delayed").join();
        assertEquals(later, find("delayed").runAt(), "run_at kept");
        store.change(JobAction.RELEASE, "now").join();
        assertEquals(List.of("now", "delayed"), store.claim(NODE, 10).join().stream().map(ClaimedRun::id).toList(),
                "in run_at order");
    }

    @Test
    void waitingCountsFollowHoldsDelaysRetriesAndClaims() {
        store.enqueue(job("due1")).join();
        store.enqueue(job("due2")).join();
        store.enqueue(job("later", 0, clock.instant().plusSeconds(30), 0)).join();
        store.enqueue(job("held")).join();
        store.change(JobAction.HOLD, "held").join();
        jobIn("retrying", JobState.FAILED);
        Map<JobState, Map<Readiness, Long>> w = store.waiting().join();
        assertEquals(Map.of(Readiness.HELD, 1L, Readiness.NOT_DUE, 1L, Readiness.DUE, 2L), w.get(JobState.PENDING));
        assertEquals(Map.of(Readiness.HELD, 0L, Readiness.NOT_DUE, 1L, Readiness.DUE, 0L), w.get(JobState.FAILED));
        store.change(JobAction.HOLD, "retrying").join();
        store.change(JobAction.CANCEL, "held").join();
        clock.advance(Duration.ofSeconds(31));
        assertEquals(3, store.claim(NODE, 10).join().size(), "due1, due2 and later, promoted by the claim");
        w = store.waiting().join();
        assertEquals(Map.of(Readiness.HELD, 0L, Readiness.NOT_DUE, 0L, Readiness.DUE, 0L), w.get(JobState.PENDING));
        assertEquals(Map.of(Readiness.HELD, 1L, Readiness.NOT_DUE, 0L, Readiness.DUE, 0L), w.get(JobState.FAILED));
    }

    // ---- bulk actions ----

    @Test
    void aBulkActionGoesInBatchesAndCountsTheJobsItSkipsByState() {
        for (int i = 0; i < 23; i++) {
            store.enqueue(labelled("p" + i, Map.of("batch", "x"))).join();
        }
        jobIn("done", JobState.COMPLETED);
        jobIn("running", JobState.PROCESSING);
        store.enqueue(labelled("other", Map.of("batch", "y"))).join();
        JobSelector selector = JobSelector.matching(new JobCriteria(null, Map.of("batch", "x"), null, null, null));
        BulkPreview preview = store.preview(JobAction.CANCEL, selector, 5).join();
        assertEquals(23, preview.count());
        assertEquals(List.of("p0", "p1", "p2", "p3", "p4"), preview.sample());
        assertEquals(23L, store.counts().join().get(JobState.PENDING) - 1, "a preview changes nothing");
        Applied done = applyAll(JobAction.CANCEL, selector, 5);
        assertEquals(23, done.changed());
        assertTrue(done.batches() >= 5, "23 jobs in batches of 5: " + done.batches());
        assertEquals(JobState.DEAD, find("p22").state());
        assertEquals("cancelled", find("p22").lastError());
        assertEquals(JobState.PENDING, find("other").state(), "another label is not matched");
        Applied everything = all(JobAction.CANCEL, JobCriteria.ALL);
        assertEquals(1, everything.changed(), "only 'other' was left to cancel");
        assertEquals(Map.of("dead", 23L, "completed", 1L, "processing", 1L), everything.skipped());
    }

    @Test
    void aBulkActionByIdsNamesTheIdsItDidNotFind() {
        jobIn("a", JobState.DEAD);
        jobIn("b", JobState.COMPLETED);
        jobIn("c", JobState.PENDING);
        List<String> ids = List.of("a", "missing", "b", "c", "gone");
        BulkPreview preview = store.preview(JobAction.RERUN, JobSelector.ids(ids), 10).join();
        assertEquals(2, preview.count());
        assertEquals(List.of("missing", "gone"), preview.notFound());
        assertEquals(Map.of("pending", 1L), preview.skipped());
        Applied done = applyAll(JobAction.RERUN, JobSelector.ids(ids), 2);
        assertEquals(2, done.changed());
        assertEquals(List.of("missing", "gone"), done.notFound());
        assertEquals(Map.of("pending", 1L), done.skipped());
        assertEquals(JobState.PENDING, find("a").state());
        assertEquals(JobState.PENDING, find("b").state());
    }

    @Test
    void bulkHoldAndReleaseSkipJobsAlreadyThatWay() {
        for (String id : List.of("h1", "h2", "h3")) {
            store.enqueue(job(id)).join();
        }
        store.change(JobAction.HOLD, "h2").join();
        Applied held = all(JobAction.HOLD, JobCriteria.ALL);
        assertEquals(2, held.changed());
        assertEquals(Map.of(JobAction.HELD, 1L), held.skipped());
        assertTrue(store.claim(NODE, 10).join().isEmpty());
        Applied released = applyAll(JobAction.RELEASE, JobSelector.ids(List.of("h1", "h2")), 10);
        assertEquals(2, released.changed());
        Applied again = applyAll(JobAction.RELEASE, JobSelector.ids(List.of("h1", "h3")), 10);
        assertEquals(1, again.changed());
        assertEquals(Map.of(JobAction.NOT_HELD, 1L), again.skipped());
        assertEquals(3, store.claim(NODE, 10).join().size());
    }

    @Test
    void aBulkPurgeDeletesDeadJobsWithTheirHistoryAndLabels() {
        store.enqueue(labelled("d1", Map.of("k", "v"))).join();
        store.change(JobAction.CANCEL, "d1").join();
        jobIn("d2", JobState.DEAD);
        jobIn("alive", JobState.PENDING);
        Applied purged = all(JobAction.PURGE, JobCriteria.ALL);
        assertEquals(2, purged.changed());
        assertEquals(Set.of("d1", "d2"), new HashSet<>(purged.refs().stream().map(r -> r.id()).toList()));
        assertTrue(store.find("d2").join().isEmpty());
        assertEquals(1L, total());
        assertTrue(store.labelKeys("", 10).join().isEmpty(), "the purged job's labels are gone");
    }

    @Test
    void aBulkActionEndsAtTheLastJobThatExistedWhenItBegan() {
        for (int i = 0; i < 10; i++) {
            store.enqueue(job("old" + i)).join();
        }
        JobSelector pending = JobSelector.matching(JobCriteria.inStates(Set.of(JobState.PENDING)));
        BulkStep first = store.changeMany(JobAction.HOLD, pending, BulkCursor.START, 4).join();
        assertEquals(4, first.changed().size());
        for (int i = 0; i < 10; i++) {
            store.enqueue(job("new" + i)).join();
        }
        int changed = first.changed().size();
        BulkCursor cursor = first.next();
        while (cursor != null) {
            BulkStep step = store.changeMany(JobAction.HOLD, pending, cursor, 4).join();
            changed += step.changed().size();
            cursor = step.next();
        }
        assertEquals(10, changed, "the jobs enqueued meanwhile are not part of the action");
        assertFalse(find("new0").held());
        assertTrue(find("old9").held());
    }

    // ---- edit ----

    @Test
    void anEditChangesAWaitingJobAtOnceAndRefusesRunningAndFinishedOnes() {
        store.enqueue(new NewJob("e", "echo old", 1, 0, null, 5_000L, "/old", Map.of("A", "1"), Map.of("k", "old")))
                .join();
        Job before = find("e");
        Instant later = clock.instant().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        clock.advance(Duration.ofMillis(5));
        Job edited = store.edit("e", new JobEdit(before.updatedAt(), "echo new", 9, later, null, true, 4, "/new", false,
                Map.of("k", "new", "extra", "1"), Map.of("B", "2"))).join();
        assertEquals("echo new", edited.command());
        assertEquals(9, edited.priority());
        assertEquals(later, edited.runAt());
        assertNull(edited.timeout(), "timeout back to the configured one");
        assertEquals(4, edited.maxRetries());
        assertEquals("/new", edited.cwd());
        assertEquals(Map.of("B", "2"), edited.env());
        assertEquals(Map.of("k", "new", "extra", "1"), find("e").labels());
        assertTrue(store.claim(NODE, 10).join().isEmpty(), "not due until its new run_at");
        assertEquals(later, store.nextDue().join().orElseThrow());
        assertEquals(List.of("e"), ids(store.list(new JobCriteria(null, Map.of("k", "new"), null, null, null), false,
                null, 10).join()));
        assertTrue(store.list(new JobCriteria(null, Map.of("k", "old"), null, null, null), false, null, 10).join()
                .jobs().isEmpty(), "the old label no longer matches");
        assertInstanceOf(JobChangedException.class, failure(() -> store.edit("e", new JobEdit(before.updatedAt(), null,
                1, null, null, false, null, null, false, null, null)).join()), "an edit of an old version");
        Job now = find("e");
        Job cleared = store.edit("e", new JobEdit(now.updatedAt(), null, null, clock.instant().minusSeconds(1), null,
                false, null, null, true, null, null)).join();
        assertNull(cleared.cwd());
        assertEquals("e", claimOne("e").id(), "a run_at in the past makes it due at once");
        IllegalTransitionException running = assertInstanceOf(IllegalTransitionException.class,
                failure(() -> store.edit("e", new JobEdit(null, "x", null, null, null, false, null, null, false, null,
                        null)).join()));
        assertEquals(JobState.PROCESSING, running.current());
        jobIn("finished", JobState.COMPLETED);
        assertEquals(JobState.COMPLETED, assertInstanceOf(IllegalTransitionException.class,
                failure(() -> store.edit("finished", new JobEdit(null, "x", null, null, null, false, null, null, false,
                        null, null)).join())).current());
        assertInstanceOf(JobNotFoundException.class, failure(() -> store.edit("nobody", new JobEdit(null, "x", null,
                null, null, false, null, null, false, null, null)).join()));
    }

    // ---- listings ----

    private static List<String> ids(JobPage page) {
        return page.jobs().stream().map(Job::id).toList();
    }

    /** Every page of a listing, following its cursor; fails if a page repeats a job. */
    private List<String> allPages(JobCriteria c, boolean newestFirst, int limit) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Long after = null;
        do {
            JobPage page = store.list(c, newestFirst, after, limit).join();
            assertTrue(page.jobs().size() <= limit);
            for (Job j : page.jobs()) {
                assertTrue(seen.add(j.id()), "job " + j.id() + " came twice");
                out.add(j.id());
            }
            after = page.next();
        } while (after != null);
        return out;
    }

    @Test
    void filtersCombineAndPagesFollowTheirCursorToEveryMatchOnce() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String team = i % 3 == 0 ? "a" : "b";
            String id = "job-" + i;
            store.enqueue(new NewJob(id, i % 5 == 0 ? "make deploy" : "make test", 0, 0, null, null, null, null,
                    i % 7 == 0 ? Map.of("team", team, "urgent", "yes") : Map.of("team", team))).join();
            if (i % 3 == 0 && i % 5 == 0) {
                expected.add(id);
            }
        }
        for (int i = 0; i < 300; i += 2) {
            store.change(JobAction.HOLD, "job-" + i).join();
        }
        JobCriteria teamADeploy = new JobCriteria(Set.of(JobState.PENDING), Map.of("team", "a"), "DEPLOY", null, null);
        assertEquals(expected, allPages(teamADeploy, false, 7), "oldest first, search ignores ASCII case");
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, allPages(teamADeploy, true, 3));
        assertEquals(43, allPages(new JobCriteria(null, java.util.Collections.singletonMap("urgent", null), null, null,
                null), false, 10).size(), "a key with any value");
        assertEquals(300, allPages(JobCriteria.ALL, false, 64).size());
        assertEquals(List.of("job-42"), allPages(new JobCriteria(null, null, "job-42", null, null), false, 5));
        JobPage first = store.list(JobCriteria.inStates(Set.of(JobState.PENDING)), false, null, 10).join();
        assertEquals(300L, first.total(), "states only: the total is known");
        assertNull(store.list(teamADeploy, false, null, 10).join().total(), "other filters: not counted");
        assertTrue(store.list(JobCriteria.inStates(Set.of(JobState.DEAD)), false, null, 10).join().jobs().isEmpty());
    }

    @Test
    void severalStatesListInEnqueueOrderAndTimesBoundWhenJobsWereCreated() {
        Instant start = clock.instant();
        jobIn("s1", JobState.COMPLETED);
        clock.advance(Duration.ofMinutes(10));
        jobIn("s2", JobState.DEAD);
        jobIn("s3", JobState.PENDING);
        clock.advance(Duration.ofMinutes(10));
        jobIn("s4", JobState.COMPLETED);
        assertEquals(List.of("s1", "s2", "s4"), allPages(JobCriteria.inStates(EnumSet.of(JobState.COMPLETED,
                JobState.DEAD)), false, 2));
        assertEquals(List.of("s2", "s3"), allPages(new JobCriteria(null, null, null, start.plusSeconds(300),
                start.plusSeconds(900)), false, 10));
    }

    // ---- completion ----

    @Test
    void completionOffersRecentIdsByPrefixAndStateAndDistinctLabelKeys() {
        store.enqueue(labelled("build-1", Map.of("team", "a", "env", "prod"))).join();
        store.enqueue(labelled("build-2", Map.of("team", "b"))).join();
        store.enqueue(labelled("deploy-1", Map.of("tier", "x"))).join();
        store.change(JobAction.CANCEL, "build-1").join();
        assertEquals(List.of("build-2", "build-1"), store.completeIds("build-", Set.of(), 10).join());
        assertEquals(List.of("build-1"), store.completeIds("bu", Set.of(JobState.DEAD), 10).join());
        assertEquals(List.of("deploy-1", "build-2", "build-1"), store.completeIds("", Set.of(), 10).join());
        assertEquals(List.of("deploy-1"), store.completeIds("", Set.of(), 1).join());
        assertEquals(List.of("env", "team", "tier"), store.labelKeys("", 10).join());
        assertEquals(List.of("team", "tier"), store.labelKeys("t", 10).join());
        assertEquals(List.of("team"), store.labelKeys("t", 1).join());
    }
}

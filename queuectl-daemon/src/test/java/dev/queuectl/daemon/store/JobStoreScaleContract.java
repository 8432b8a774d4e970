package dev.queuectl.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.TestClock;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobPage;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.NewJob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A store of a million jobs, most of them a backlog ({@link LivedInStore#MOSTLY_WAITING}) keeps its hot paths on their
 * indexes: the claim reads only due jobs, a listing reads only its page, counts never scan.
 * Correctness is asserted here; that each hot query is served by its index is asserted by the
 * backend ({@link #assertHotQueriesUseTheirIndexes}), because speed figures belong in the
 * benchmark (figure 5), not in timed tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class JobStoreScaleContract {
    protected static final int JOBS = Integer.getInteger("queuectl.scaleJobs", 1_000_000);
    protected final TestClock clock = new TestClock();
    protected JobStore store;
    private Map<JobState, Long> expected;

    protected abstract JobStore openStore(TestClock clock);

    /** How many jobs the store holds; a backend whose fixture is slow to build may use fewer. */
    protected int jobs() {
        return JOBS;
    }

    /** Fails unless the store's claim, listing and count queries each use the index made for them. */
    protected abstract void assertHotQueriesUseTheirIndexes(JobStore store) throws Exception;

    @BeforeAll
    void build() {
        store = openStore(clock);
        expected = LivedInStore.build(store, clock, jobs(), LivedInStore.MOSTLY_WAITING);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    @Order(1)
    void countsMatchTheMix() {
        assertEquals(expected, store.counts().join());
    }

    @Test
    @Order(2)
    void theClaimFindsTheOneDueJobAmongAMillion() {
        String id = store.enqueue(new NewJob("due-now", "true", 0, 0, null, null)).join().id();
        List<ClaimedRun> claimed = store.claim("scale-node", 10).join();
        assertEquals(List.of(id), claimed.stream().map(ClaimedRun::id).toList(),
                "nothing else is due: completed, dead and waiting jobs are not claimed");
        assertTrue(store.claim("scale-node", 10).join().isEmpty());
    }

    @Test
    void aListingReturnsItsPageInOrderWithTheTotal() {
        JobPage dead = store.list(JobCriteria.inStates(Set.of(JobState.DEAD)), false, null, 100).join();
        assertEquals(100, dead.jobs().size());
        assertEquals((long) expected.get(JobState.DEAD), dead.total());
        long previous = 0;
        for (Job j : dead.jobs()) {
            assertEquals(JobState.DEAD, j.state());
            assertEquals(4, j.attempts());
            assertTrue(j.seq() > previous, "enqueue order");
            previous = j.seq();
        }
        JobPage newest = store.list(JobCriteria.ALL, true, null, 5).join();
        assertTrue(newest.jobs().get(0).seq() > newest.jobs().get(4).seq(), "newest first");
        assertTrue(newest.total() >= jobs());
    }

    @Test
    @Order(3)
    void labelledAndSearchedJobsAmongAMillionAreFoundPageByPageEachOnce() {
        List<NewJob> needles = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            needles.add(new NewJob("needle-" + i, "grep haystack-" + i, 0, 0, clock.instant().plusSeconds(86_400), null,
                    null, null, Map.of("kind", i % 2 == 0 ? "even" : "odd")));
        }
        store.enqueueAll(needles).join();
        JobCriteria even = new JobCriteria(Set.of(JobState.PENDING), Map.of("kind", "even"), null, null, null);
        Set<String> seen = new HashSet<>();
        Long after = null;
        int pages = 0;
        do {
            JobPage page = store.list(even, true, after, 30).join();
            for (Job j : page.jobs()) {
                assertTrue(seen.add(j.id()), "each job once: " + j.id());
                assertEquals("even", j.labels().get("kind"));
            }
            after = page.next();
            pages++;
        } while (after != null);
        assertEquals(125, seen.size());
        assertEquals(5, pages, "pages of 30, the last one short");
        // A search is checked row by row: a call ends early, with a cursor, rather than scanning a million rows.
        JobCriteria search = new JobCriteria(null, null, "HAYSTACK-1", null, null);
        Set<String> found = new HashSet<>();
        after = null;
        int calls = 0;
        do {
            JobPage page = store.list(search, false, after, 1_000).join();
            page.jobs().forEach(j -> assertTrue(found.add(j.id())));
            after = page.next();
            calls++;
        } while (after != null);
        assertEquals(111, found.size(), "haystack-1, -10..-19, -100..-199");
        assertTrue(calls > 1, "a search over a million jobs takes more than one bounded call");
    }

    @Test
    void theHotQueriesUseTheirIndexes() throws Exception {
        assertHotQueriesUseTheirIndexes(store);
    }
}

package dev.queuectl.daemon.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.queuectl.daemon.TestClock;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.Firing;
import dev.queuectl.daemon.job.JobTemplate;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.NewSchedule;
import dev.queuectl.daemon.job.QueueChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Queues and schedules across nodes sharing one database: a queue's concurrency holds for all of
 * them together, and a schedule's fire time fires once however many nodes try at once.
 */
class PgOrganizingClusterTest {
    private final TestPostgres pg = TestPostgres.get();
    private final String db = pg.createDatabase();
    private final List<PostgresJobStore> nodes = new ArrayList<>();
    private final TestClock clock = new TestClock();

    @AfterEach
    void close() {
        nodes.forEach(PostgresJobStore::close);
    }

    private List<PostgresJobStore> cluster(int n) {
        for (int i = 0; i < n; i++) {
            nodes.add(PostgresJobStore.open(pg.options(db, Duration.ofSeconds(30)), clock, "node-" + i));
        }
        return nodes;
    }

    @Test
    void aQueuesConcurrencyHoldsAcrossNodes() {
        List<PostgresJobStore> all = cluster(4);
        all.get(0).saveQueue("backups", new QueueChange(2, null, null, false, false, false), true).join();
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            jobs.add(new NewJob("b" + i, "true", 0, 0, null, null).in("backups", List.of()));
        }
        all.get(1).enqueueAll(jobs).join();
        for (int round = 0; round < 5; round++) {
            List<CompletableFuture<List<ClaimedRun>>> claims = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                for (PostgresJobStore s : all) {
                    claims.add(s.claim(nodesName(s), 5));
                }
            }
            int claimed = 0;
            for (CompletableFuture<List<ClaimedRun>> c : claims) {
                claimed += c.join().size();
            }
            assertEquals(round == 0 ? 2 : 0, claimed, "two of backups at once across four nodes, round " + round);
        }
    }

    private String nodesName(PostgresJobStore s) {
        return "node-" + nodes.indexOf(s);
    }

    @Test
    void aScheduleFiresOnceAcrossNodes() {
        List<PostgresJobStore> all = cluster(4);
        JobTemplate job = new JobTemplate("true", null, 0, null, null, null, null, null);
        var s = all.get(0).addSchedule(new NewSchedule("beat", null, null, Duration.ofMinutes(1), job, true, false))
                .join();
        clock.advance(Duration.between(clock.instant(), s.nextFire()).plusMillis(10));
        List<CompletableFuture<List<Firing>>> tries = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (PostgresJobStore n : all) {
                tries.add(n.fireSchedules(0, 10));
            }
        }
        int fired = 0;
        for (CompletableFuture<List<Firing>> t : tries) {
            fired += t.join().size();
        }
        assertEquals(1, fired, "one node fired it; the others found it not due or locked");
        assertEquals(1, all.get(2).list(dev.queuectl.daemon.job.JobCriteria.ALL, false, null, 10).join().jobs().size());
    }
}

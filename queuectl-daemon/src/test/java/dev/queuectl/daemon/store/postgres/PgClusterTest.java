package dev.queuectl.daemon.store.postgres;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.TestClock;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.InProgressRun;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.daemon.store.Cluster;
import dev.queuectl.daemon.store.StoreOpenException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cluster side of the PostgreSQL store: registration, leases and their expiry, one-at-a-time work, output chunks. */
class PgClusterTest {
    private final TestPostgres pg = TestPostgres.get();
    private final String db = pg.createDatabase();
    private final List<PostgresJobStore> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(PostgresJobStore::close);
    }

    private PostgresJobStore store(String node, Duration lease) {
        PostgresJobStore s = PostgresJobStore.open(pg.options(db, lease), new TestClock(), node);
        opened.add(s);
        return s;
    }

    /** A listener that remembers the fencing it was told about. */
    private static final class Recorder implements Cluster.Listener {
        final AtomicReference<String> fenced = new AtomicReference<>();
        final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void wake() {
        }

        @Override
        public void finished(String id) {
        }

        @Override
        public void cancelRequested(String id) {
        }

        @Override
        public void configChanged() {
        }

        @Override
        public void fenced(String why) {
            fenced.set(why);
            events.add("fenced: " + why);
        }

        @Override
        public void unfenced() {
            fenced.set(null);
            events.add("unfenced");
        }
    }

    @Test
    void aNodeIdThatALiveDaemonElsewhereHoldsIsRefused() throws Exception {
        store("twin", Duration.ofSeconds(30));
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("INSERT INTO nodes (id, host, pid, version, started_at, epoch, lease_ms, lease_until, renewed_at)"
                    + " VALUES ('twin', 'other-host', 4242, 'v', now(), 1, 30000, now() + interval '30 s', now())");
        }
        StoreOpenException e = assertThrows(StoreOpenException.class,
                () -> opened.get(0).cluster().join("twin", "this-host", 1, "v", new Recorder()));
        assertTrue(e.getMessage().contains("in use by a live queuectld on other-host (pid 4242)"), e.getMessage());
    }

    @Test
    void periodicWorkIsClaimedByOneNodeAtATime() {
        List<PostgresJobStore> stores = List.of(store("p1", Duration.ofSeconds(30)), store("p2", Duration.ofSeconds(30)),
                store("p3", Duration.ofSeconds(30)));
        List<CompletableFuture<Boolean>> claims = new ArrayList<>();
        for (PostgresJobStore s : stores) {
            claims.add(s.cluster().claimTask("retention", Duration.ofHours(1)));
        }
        assertEquals(1, claims.stream().filter(CompletableFuture::join).count(), "exactly one node sweeps");
        assertFalse(stores.get(0).cluster().claimTask("retention", Duration.ofHours(1)).join(), "not again this hour");
    }

    @Test
    void runsOfANodeWhoseLeaseExpiredAreOrphanedAndItsLateEndIsRefused() {
        PostgresJobStore dying = store("dying", Duration.ofSeconds(3));
        PostgresJobStore live = store("live", Duration.ofSeconds(3));
        Recorder recorder = new Recorder();
        dying.cluster().join("dying", "host-a", 1, "v", recorder);
        live.cluster().join("live", "host-b", 2, "v", new Recorder());
        dying.enqueue(new NewJob("j", "true", 0, 0, null, null)).join();
        ClaimedRun run = dying.claim("dying", 1).join().get(0);
        assertEquals(List.of(), live.orphanedRuns("live").join(), "the owner's lease is live");

        dying.cluster().close(); // stops renewing, as a daemon that died would
        await().atMost(Duration.ofSeconds(10)).until(() -> !live.orphanedRuns("live").join().isEmpty());
        List<InProgressRun> orphans = live.orphanedRuns("live").join();
        assertEquals("dying", orphans.get(0).node());
        assertEquals(1, live.interrupt(orphans, "node dying lost its lease").join());

        RunEnd late = new RunEnd(run.seq(), run.id(), run.attempt(), RunOutcome.COMPLETED, 0, "exit code 0", null,
                java.time.Instant.now(), Transition.COMPLETE, null, 0);
        assertFalse(dying.finishAndClaim(late, "dying", 0).join().applied(), "the stale node's end is refused");
        ClaimedRun rerun = live.claim("live", 1).join().get(0);
        assertEquals(2, rerun.attempt());
        assertFalse(dying.finishAndClaim(late, "dying", 0).join().applied(), "still refused over the newer run");
        assertEquals("interrupted", live.find("j").join().orElseThrow().history().get(0).outcome().key());
    }

    @Test
    void aNodeWhoseRenewalIsRefusedFencesAtOnceThenRegistersAgain() throws Exception {
        PostgresJobStore s = store("fenced", Duration.ofSeconds(3));
        Recorder recorder = new Recorder();
        s.cluster().join("fenced", "host", 1, "v", recorder);
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            // As if the lease had expired and the node's runs been recovered: renewals are refused.
            st.execute("UPDATE nodes SET lease_until = now() - interval '1 s' WHERE id = 'fenced'");
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> recorder.events.contains("unfenced"));
        assertEquals("fenced: node fenced lost its lease", recorder.events.get(0));
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT epoch, lease_until > now() FROM nodes WHERE id = 'fenced'")) {
            rs.next();
            assertEquals(2, rs.getLong(1), "registered again under a new epoch");
            assertTrue(rs.getBoolean(2));
        }
    }

    @Test
    void aNodeThatCannotRenewFencesWithinHalfItsLeaseAndClaimsNothing() throws Exception {
        PostgresJobStore s = store("cut", Duration.ofSeconds(3));
        Recorder recorder = new Recorder();
        s.cluster().join("cut", "host", 1, "v", recorder);
        s.enqueue(new NewJob("waiting", "true", 0, 0, null, null)).join();
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // Renewals hang on this lock (and time out), as they would on a dead network.
            st.execute("SELECT * FROM nodes WHERE id = 'cut' FOR UPDATE");
            long t0 = System.nanoTime();
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> recorder.fenced.get() != null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 3_000, "fenced " + ms + " ms after renewals stopped working: not before the lease ends");
            assertTrue(recorder.fenced.get().contains("could not renew its lease"), recorder.fenced.get());
            assertTrue(s.claim("cut", 5).join().isEmpty(), "a fenced node claims nothing");
            c.rollback();
        }
        assertEquals(1, s.claim("another", 5).join().size(), "the job is still there for others");
    }

    @Test
    void outputIsKeptInBoundedChunksAndReadFromAnyOffset() {
        PostgresJobStore s = store("out", Duration.ofSeconds(30));
        long seq = s.enqueue(new NewJob("o", "true", 0, 0, null, null)).join().seq();
        var out = s.outputStore().orElseThrow();
        byte[] a = "0123456789".getBytes();
        for (int i = 0; i < 5; i++) {
            out.appendOutput(seq, 1, i * 10L, a, 25).join();
        }
        var piece = out.readOutput(seq, 1, 0, 1000).join();
        assertEquals(25, piece.dropped(), "50 bytes written, the last 25 kept");
        assertEquals(25, piece.offset());
        assertEquals("5678901234567890123456789", new String(piece.data()));
        assertEquals(50, piece.end());
        assertEquals("89", new String(out.readOutput(seq, 1, 48, 1000).join().data()));
        assertEquals("", new String(out.readOutput(seq, 2, 0, 1000).join().data()), "another run has none");
    }
}

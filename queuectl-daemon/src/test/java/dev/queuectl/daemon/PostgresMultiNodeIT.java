package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.store.postgres.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three queuectld processes, each with its own data dir, socket and node id, on one PostgreSQL
 * database: jobs enqueued through all of them run exactly once, and a node killed with SIGKILL
 * mid-run has its runs' processes gone within half the lease (its watchdog), its jobs rerun on
 * the others only after its lease expired, and never two runs of a job at once.
 */
class PostgresMultiNodeIT {
    private static final Duration LEASE = Duration.ofSeconds(6);
    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();
    private final TestPostgres pg = TestPostgres.get();
    private final List<DaemonProcess> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(DaemonProcess::close);
    }

    private DaemonProcess node(String database, String name) throws IOException {
        Path dir = tmp.path().resolve(name);
        Map<String, String> env = new HashMap<>();
        if (pg.password() != null) {
            env.put("QUEUECTL_STORE_PASSWORD", pg.password());
        }
        Files.createDirectories(dir);
        DaemonProcess d = DaemonProcess.start(env, dir.resolve("data"), dir.resolve("d.sock"),
                "--store=" + pg.storeUrl(database), "--node-id=" + name, "--lease=" + LEASE.toMillis() + "ms",
                "--store-poll=500ms", "--kill-grace=1s", "--store-pool=6");
        started.add(d);
        return d;
    }

    @Test
    void tenThousandJobsEnqueuedThroughThreeNodesRunExactlyOnce() throws Exception {
        String db = pg.createDatabase();
        int jobs = Figures.size(10_000, 50_000);
        List<DaemonProcess> nodes = List.of(node(db, "n1"), node(db, "n2"), node(db, "n3"));
        Path out = tmp.path().resolve("ran");
        String command = json("echo $QUEUECTL_JOB_ID >> " + out);
        long t0 = System.nanoTime();
        for (int from = 0; from < jobs; from += 500) {
            try (RawClient c = new RawClient(nodes.get((from / 500) % 3).socket)) {
                StringBuilder batch = new StringBuilder("{\"op\":\"enqueue_batch\",\"jobs\":[");
                for (int i = from; i < Math.min(jobs, from + 500); i++) {
                    batch.append(i == from ? "" : ",").append("{\"id\":\"x").append(i).append("\",\"command\":")
                            .append(command).append('}');
                }
                c.ok(batch.append("]}").toString());
            }
        }
        try (RawClient c = new RawClient(nodes.get(0).socket)) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Jobs.count(c, "completed") == jobs);
            assertEquals(0L, Jobs.count(c, "processing") + Jobs.count(c, "pending") + Jobs.count(c, "dead"));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<String> lines = Files.readAllLines(out);
        assertEquals(jobs, lines.size(), "one line per run");
        assertEquals(jobs, lines.stream().distinct().count(), "no job ran twice");
        Map<String, Integer> perNode = new HashMap<>();
        try (RawClient c = new RawClient(nodes.get(1).socket)) {
            for (int i = 0; i < jobs; i += 97) {
                List<Map<String, Object>> h = Jobs.history(Jobs.show(c, "x" + i));
                assertEquals(1, h.size());
                perNode.merge((String) h.get(0).get("node"), 1, Integer::sum);
            }
        }
        assertEquals(3, perNode.size(), "every node ran jobs: " + perNode);
        Figures.report("postgres-three-nodes", jobs + " jobs through 3 daemons on one PostgreSQL database: each ran"
                + " once, in " + ms + " ms (sampled per node " + perNode + ")");
    }

    @Test
    void aNodeKilledMidRunHasItsRunsStoppedAndRerunElsewhereOnlyAfterItsLease() throws Exception {
        String db = pg.createDatabase();
        List<DaemonProcess> nodes = new ArrayList<>(List.of(node(db, "k1"), node(db, "k2"), node(db, "k3")));
        Path file = tmp.path().resolve("intervals");
        try (RawClient c = new RawClient(nodes.get(1).socket)) {
            for (DaemonProcess n : nodes) {
                try (RawClient cn = new RawClient(n.socket)) {
                    Jobs.config(cn, "workers", 2);
                }
            }
            StringBuilder batch = new StringBuilder("{\"op\":\"enqueue_batch\",\"jobs\":[");
            for (int i = 0; i < 12; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"id\":\"h").append(i).append("\",\"command\":")
                        .append(json(Intervals.heartbeat(file, 4))).append('}');
            }
            c.ok(batch.append("]}").toString());
            // Wait until the first node has two runs going, then kill it without warning.
            await().atMost(Duration.ofSeconds(30)).until(() -> running(c, "k1") == 2);
            List<String> itsJobs = jobsRunningOn(c, "k1");
            await().atMost(Duration.ofSeconds(10)).until(() -> itsJobs.stream()
                    .allMatch(id -> Intervals.read(file).containsKey(id)));
            long killedAt = Intervals.now();
            nodes.get(0).kill9();

            await().atMost(LEASE).pollInterval(Duration.ofMillis(50)).until(() -> itsJobs.stream()
                    .allMatch(id -> Intervals.now() - Intervals.read(file).get(id).get(1)[1] > 300_000_000L));
            for (String id : itsJobs) {
                long lived = Intervals.read(file).get(id).get(1)[1] - killedAt;
                assertTrue(lived < LEASE.toNanos() / 2, id + " run 1 lived " + lived / 1_000_000 + " ms after the kill");
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Jobs.count(c, "completed") == 12);
            Map<String, Map<Integer, long[]>> runs = Intervals.read(file);
            assertEquals(List.of(), Intervals.overlaps(runs));
            for (String id : itsJobs) {
                long rerun = runs.get(id).get(2)[0];
                assertTrue(rerun - killedAt > LEASE.toNanos() / 2, id + " reran " + (rerun - killedAt) / 1_000_000
                        + " ms after the kill, before the lease could expire");
                List<Map<String, Object>> h = Jobs.history(Jobs.show(c, id));
                assertEquals("interrupted", h.get(0).get("outcome"));
                assertTrue(((String) h.get(0).get("error")).contains("node k1 lost its lease"), (String) h.get(0).get("error"));
                assertEquals("completed", h.get(1).get("outcome"));
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed = (List<Map<String, Object>>) c.ok("{\"op\":\"status\"}").get("nodes");
            assertEquals("lease expired", listed.stream().filter(n -> "k1".equals(n.get("id"))).findFirst()
                    .orElseThrow().get("state"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> jobsRunningOn(RawClient c, String node) {
        List<String> out = new ArrayList<>();
        Map<String, Object> page = c.ok("{\"op\":\"list\",\"state\":\"processing\",\"limit\":100}");
        for (Map<String, Object> j : (List<Map<String, Object>>) page.get("jobs")) {
            List<Map<String, Object>> h = Jobs.history(Jobs.show(c, (String) j.get("id")));
            if (!h.isEmpty() && node.equals(h.get(h.size() - 1).get("node"))) {
                out.add((String) j.get("id"));
            }
        }
        return out;
    }

    private static int running(RawClient c, String node) {
        return jobsRunningOn(c, node).size();
    }
}

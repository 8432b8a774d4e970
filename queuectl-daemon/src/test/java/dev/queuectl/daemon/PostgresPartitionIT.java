package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node cut off from the database by a TCP proxy for longer than its lease: it fences (its
 * running job's tree stopped within half the lease), another node reruns the job only after the
 * lease expired, the runs never overlap, and when the proxy lets it through again the node
 * rejoins and its late write about the old run is refused.
 */
class PostgresPartitionIT {
    private static final Duration LEASE = Duration.ofSeconds(4);
    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();
    private final PgNodes nodes = new PgNodes();
    private TcpProxy proxy;

    @AfterEach
    void stop() {
        nodes.close();
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aPartitionedNodeFencesAndAnotherRerunsItsJobAfterTheLeaseWithoutOverlap() throws Exception {
        proxy = new TcpProxy(nodes.pg.host(), nodes.pg.port());
        TestDaemon cut = nodes.start("node-cut", nodes.urlVia(proxy.port()), LEASE, s -> s);
        TestDaemon other = nodes.start("node-other", LEASE, s -> s);
        Path file = tmp.path().resolve("intervals");
        try (RawClient cc = cut.connect(); RawClient co = other.connect()) {
            co.ok("{\"op\":\"worker_stop\"}");
            Jobs.enqueue(cc, "{\"id\":\"p\",\"command\":" + json(Intervals.heartbeat(file, 8)) + "}");
            await().atMost(Duration.ofSeconds(20)).until(() -> Intervals.read(file).containsKey("p"));
            co.ok("{\"op\":\"worker_start\"}");

            long cutAt = Intervals.now();
            proxy.cut();
            // The cut node's run stops within half the lease (+ the fencing kill grace and a poll).
            await().atMost(LEASE).pollInterval(Duration.ofMillis(50)).until(() -> {
                long[] span = Intervals.read(file).get("p").get(1);
                return Intervals.now() - span[1] > 300_000_000L;
            });
            long lastAlive = Intervals.read(file).get("p").get(1)[1];
            // Meanwhile the cut node refuses writes with a clear reason, and acknowledges nothing.
            Map<String, Object> refused = cc.call("{\"op\":\"enqueue\",\"id\":\"during\",\"command\":\"true\"}");
            assertEquals("STORAGE_ERROR", RawClient.errorCode(refused));
            assertTrue(RawClient.errorMessage(refused).contains("cannot be reached"), RawClient.errorMessage(refused));
            assertTrue(lastAlive - cutAt < LEASE.toNanos() * 3 / 4,
                    "run 1 lived " + (lastAlive - cutAt) / 1_000_000 + " ms after the cut");

            Map<String, Object> done = Jobs.awaitState(co, "p", "completed", Duration.ofSeconds(40));
            Map<String, Map<Integer, long[]>> runs = Intervals.read(file);
            long rerunAt = runs.get("p").get(2)[0];
            assertTrue(rerunAt - cutAt > LEASE.toNanos() / 2, "the rerun waited for the lease: "
                    + (rerunAt - cutAt) / 1_000_000 + " ms after the cut");
            assertEquals(List.of(), Intervals.overlaps(runs));
            List<Map<String, Object>> history = Jobs.history(done);
            assertEquals("interrupted", history.get(0).get("outcome"));
            assertEquals("node-cut", history.get(0).get("node"));
            assertTrue(((String) history.get(0).get("error")).contains("node node-cut lost its lease"),
                    "recorded by the other node: " + history.get(0).get("error"));
            assertEquals("completed", history.get(1).get("outcome"));
            assertEquals("node-other", history.get(1).get("node"));

            proxy.restore();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> listed = (List<Map<String, Object>>) co.ok("{\"op\":\"status\"}").get("nodes");
                return listed.stream().anyMatch(n -> "node-cut".equals(n.get("id")) && "alive".equals(n.get("state")));
            });
            // The rejoined node's own account of run 1 (its fencing) was refused: the history stands.
            Map<String, Object> after = Jobs.show(cc, "p");
            assertEquals("completed", after.get("state"));
            assertEquals(history.get(0).get("error"), Jobs.history(after).get(0).get("error"));
            assertEquals(2, Jobs.history(after).size());
            assertEquals("NOT_FOUND", RawClient.errorCode(cc.call("{\"op\":\"show\",\"id\":\"during\"}")));
            // And it takes work again.
            co.ok("{\"op\":\"worker_stop\"}");
            Jobs.enqueue(cc, "{\"id\":\"q\",\"command\":\"true\"}");
            assertEquals("node-cut", Jobs.history(Jobs.awaitState(co, "q", "completed", Duration.ofSeconds(30)))
                    .get(0).get("node"));
        }
    }
}

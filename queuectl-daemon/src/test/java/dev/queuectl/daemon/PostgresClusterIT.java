package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.config.DaemonOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Daemons in one JVM sharing a PostgreSQL database: work spreads, wait and cancel work across nodes. */
class PostgresClusterIT {
    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();
    private final PgNodes nodes = new PgNodes();

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void jobsEnqueuedOnOneNodeRunOnBothAndTheOtherSeesThemFinish() {
        TestDaemon a = nodes.start("node-a", Duration.ofSeconds(10), s -> s);
        TestDaemon b = nodes.start("node-b", Duration.ofSeconds(10), s -> s);
        try (RawClient ca = a.connect(); RawClient cb = b.connect()) {
            Jobs.config(ca, "workers", 2);
            Jobs.config(cb, "workers", 2);
            StringBuilder batch = new StringBuilder("{\"op\":\"enqueue_batch\",\"jobs\":[");
            for (int i = 0; i < 40; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"id\":\"j").append(i)
                        .append("\",\"command\":\"sleep 0.05\"}");
            }
            ca.ok(batch.append("]}").toString());
            Map<String, Object> waited = cb.ok("{\"op\":\"wait\",\"id\":\"j39\",\"timeout\":60}");
            assertEquals(true, waited.get("finished"));
            Set<String> ranOn = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                Map<String, Object> job = Jobs.awaitState(cb, "j" + i, "completed", Duration.ofSeconds(30));
                List<Map<String, Object>> history = Jobs.history(job);
                assertEquals(1, history.size(), "ran once: j" + i);
                ranOn.add((String) history.get(0).get("node"));
            }
            assertEquals(Set.of("node-a", "node-b"), ranOn, "both nodes took jobs");
            Map<String, Object> status = cb.ok("{\"op\":\"status\"}");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed = (List<Map<String, Object>>) status.get("nodes");
            assertEquals(List.of("node-a", "node-b"), listed.stream().map(n -> n.get("id")).toList());
            assertTrue(listed.stream().allMatch(n -> "alive".equals(n.get("state"))), listed.toString());
        }
    }

    @Test
    void cancelOfAJobRunningOnAnotherNodeStopsItThere() throws Exception {
        TestDaemon b = nodes.start("node-b", Duration.ofSeconds(10), s -> s);
        try (RawClient cb = b.connect()) {
            cb.ok("{\"op\":\"worker_stop\"}");
        }
        TestDaemon a = nodes.start("node-a", Duration.ofSeconds(10), s -> s);
        Path marker = tmp.path().resolve("ran");
        try (RawClient ca = a.connect(); RawClient cb = b.connect()) {
            Jobs.enqueue(cb, "{\"id\":\"long\",\"command\":" + json("echo $$ > " + marker + "; exec sleep 60") + "}");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(marker) && Files.size(marker) > 0);
            long pid = Long.parseLong(Files.readString(marker).trim());
            // A run's start is recorded within 50 ms (it waits to ride with another write).
            await().atMost(Duration.ofSeconds(5)).until(() -> !Jobs.history(Jobs.show(cb, "long")).isEmpty());
            assertEquals("node-a", Jobs.history(Jobs.show(cb, "long")).get(0).get("node"));
            long t0 = System.nanoTime();
            Map<String, Object> cancelled = cb.ok("{\"op\":\"cancel\",\"id\":\"long\"}");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("dead", cancelled.get("state"));
            assertEquals("cancelled", cancelled.get("last_error"));
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the run's process is gone");
            System.out.println("[cluster] cancel across nodes answered in " + ms + " ms");
            assertEquals("cancelled", Jobs.history(Jobs.show(ca, "long")).get(0).get("outcome"));
        }
    }

    @Test
    void logsFollowFromAnotherNodeSeesOutputAsItComesAndKeepsTheBoundedEnd() {
        TestDaemon a = nodes.start("node-a", Duration.ofSeconds(10), s -> s.withOutputLimitBytes(64 * 1024));
        TestDaemon b = nodes.start("node-b", Duration.ofSeconds(10), s -> s.withOutputLimitBytes(64 * 1024));
        try (RawClient ca = a.connect(); RawClient cb = b.connect()) {
            cb.ok("{\"op\":\"worker_stop\"}");
            Jobs.enqueue(ca, "{\"id\":\"talk\",\"command\":" + json("for i in 1 2 3 4 5; do echo line $i; sleep 0.3; done")
                    + "}");
            // Follow from node B while node A runs it: the first line arrives before the run ends.
            Jobs.awaitState(cb, "talk", "processing", Duration.ofSeconds(20));
            StringBuilder seen = new StringBuilder();
            long offset = 0;
            boolean sawWhileRunning = false;
            while (true) {
                Map<String, Object> chunk = cb.ok("{\"op\":\"logs\",\"id\":\"talk\",\"offset\":" + offset
                        + ",\"wait\":true}");
                String data = (String) chunk.get("data");
                seen.append(data);
                offset = (Long) chunk.get("next_offset");
                if (!data.isEmpty() && Boolean.TRUE.equals(chunk.get("running"))) {
                    sawWhileRunning = true;
                }
                if (data.isEmpty() && !Boolean.TRUE.equals(chunk.get("running"))) {
                    break;
                }
            }
            assertTrue(sawWhileRunning, "output arrived while the run went on");
            assertEquals("line 1\nline 2\nline 3\nline 4\nline 5\n", seen.toString());

            // A run that prints 1 MiB keeps the last 64 KiB, in the database, readable from B.
            Jobs.enqueue(ca, "{\"id\":\"loud\",\"command\":" + json("head -c 1048576 /dev/zero | tr '\\0' x; echo END")
                    + "}");
            Jobs.awaitState(cb, "loud", "completed", Duration.ofSeconds(30));
            Map<String, Object> first = cb.ok("{\"op\":\"logs\",\"id\":\"loud\"}");
            assertEquals(1048576L + 4 - 64 * 1024, first.get("dropped"));
            String all = Jobs.logs(cb, "loud", 1);
            assertEquals(64 * 1024, all.length());
            assertTrue(all.endsWith("xxEND\n"), all.substring(all.length() - 10));
        }
    }

    @Test
    void pollOnlyNodesStillFindWorkAndSeeEachOthersFinishes() {
        TestDaemon a = nodes.start("poll-a", Duration.ofSeconds(10), s -> s.with(DaemonOption.STORE_LISTEN, "off"));
        TestDaemon b = nodes.start("poll-b", Duration.ofSeconds(10), s -> s.with(DaemonOption.STORE_LISTEN, "off"));
        try (RawClient ca = a.connect(); RawClient cb = b.connect()) {
            ca.ok("{\"op\":\"worker_stop\"}");
            Jobs.enqueue(ca, "{\"id\":\"polled\",\"command\":\"true\"}");
            Map<String, Object> waited = ca.ok("{\"op\":\"wait\",\"id\":\"polled\",\"timeout\":30}");
            assertEquals(true, waited.get("finished"));
            assertEquals("poll-b", Jobs.history(Jobs.show(ca, "polled")).get(0).get("node"));
            Jobs.config(cb, "max_retries", 7);
            await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(7).equals(
                    ((Map<?, ?>) ((List<?>) ca.ok("{\"op\":\"config_get\",\"key\":\"max_retries\"}").get("config"))
                            .get(0)).get("value")));
        }
    }
}

package dev.queuectl.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a daemon acknowledged is still there after it restarts. */
class PersistenceIT {

    @Test
    void jobsAndSettingsSurviveARestart() {
        try (TestDaemon d = TestDaemon.start()) {
            Map<String, Object> job;
            String generated;
            try (RawClient c = d.connect()) {
                c.ok("{\"op\":\"worker_stop\"}");
                job = c.ok("{\"op\":\"enqueue\",\"id\":\"keep\",\"command\":\"echo kept\",\"priority\":7,"
                        + "\"max_retries\":5,\"timeout\":12.5,\"run_at\":\"2030-01-01T00:00:00Z\"}");
                generated = (String) c.ok("{\"op\":\"enqueue\",\"command\":\"true\"}").get("id");
                c.ok("{\"op\":\"config_set\",\"key\":\"max_retries\",\"value\":\"7\"}");
                c.ok("{\"op\":\"config_set\",\"key\":\"workers\",\"value\":\"3\"}");
            }
            d.restart();
            try (RawClient c = d.connect()) {
                Map<String, Object> shown = c.ok("{\"op\":\"show\",\"id\":\"keep\"}");
                for (String field : List.of("id", "command", "state", "priority", "max_retries", "timeout", "run_at",
                        "created_at")) {
                    assertEquals(job.get(field), shown.get(field), field);
                }
                assertEquals(12.5, shown.get("timeout"));
                assertEquals("7", text(c, "max_retries"));
                assertEquals("3", text(c, "workers"));
                assertEquals(2L, ((Map<?, ?>) c.ok("{\"op\":\"status\"}").get("jobs")).get("pending"));
                String next = (String) c.ok("{\"op\":\"enqueue\",\"command\":\"true\"}").get("id");
                assertNotEquals(generated, next, "generated ids are never reused");
                assertEquals(Long.parseLong(generated) + 1, Long.parseLong(next));
            }
        }
    }

    /**
     * A busy writer never pauses, so the WAL must be checkpointed and restarted inside its own
     * commits; a checkpointer on the side could not keep up and the file grew by megabytes a second.
     */
    @Test
    void theWalStaysSmallWhileJobsRunWithoutPause() throws Exception {
        try (TestDaemon d = TestDaemon.start(); RawClient c = d.connect()) {
            c.ok("{\"op\":\"worker_stop\"}");
            int jobs = 3_000;
            for (int from = 0; from < jobs; from += 1000) {
                StringBuilder batch = new StringBuilder("{\"op\":\"enqueue_batch\",\"jobs\":[");
                for (int i = from; i < from + 1000; i++) {
                    batch.append(i == from ? "" : ",").append("{\"command\":\"true\"}");
                }
                c.ok(batch.append("]}").toString());
            }
            java.nio.file.Path wal = d.settings.dataDir().resolve("queuectl.db-wal");
            long[] largest = {0};
            c.ok("{\"op\":\"worker_start\",\"count\":4}");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() -> {
                largest[0] = Math.max(largest[0], java.nio.file.Files.size(wal));
                return Jobs.count(c, "completed") == jobs;
            });
            largest[0] = Math.max(largest[0], java.nio.file.Files.size(wal));
            // about 1000 pages between checkpoints, a few pages per run's end
            assertTrue(largest[0] < 8L * 1024 * 1024, "WAL reached " + largest[0] + " bytes");
        }
    }

    private static String text(RawClient c, String key) {
        Map<String, Object> r = c.ok("{\"op\":\"config_get\",\"key\":\"" + key + "\"}");
        return (String) ((Map<?, ?>) ((List<?>) r.get("config")).get(0)).get("text");
    }
}

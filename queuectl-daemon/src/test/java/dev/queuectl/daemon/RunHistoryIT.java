package dev.queuectl.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stats op: runs over time, kept in the store so that a restart does not blank the charts. */
class RunHistoryIT {
    @SuppressWarnings("unchecked")
    private static long sum(Map<String, Object> stats, String period, String field) {
        long n = 0;
        for (Object o : (List<Object>) stats.get(period)) {
            n += (Long) ((Map<String, Object>) o).get(field);
        }
        return n;
    }

    @Test
    void runsAreCountedPerMinuteAndHourWithTheirTimes() {
        try (TestDaemon d = TestDaemon.start(); RawClient c = d.connect()) {
            for (int i = 0; i < 5; i++) {
                Jobs.enqueue(c, "{\"id\":\"ok" + i + "\",\"command\":\"true\"}");
            }
            Jobs.enqueue(c, "{\"id\":\"bad\",\"command\":\"exit 1\",\"max_retries\":0}");
            for (int i = 0; i < 5; i++) {
                Jobs.awaitState(c, "ok" + i, "completed", Duration.ofSeconds(20));
            }
            Jobs.awaitState(c, "bad", "dead", Duration.ofSeconds(20));
            Map<String, Object> before = c.ok("{\"op\":\"stats\"}");
            assertEquals(5, sum(before, "minutes", "completed"));
            assertEquals(1, sum(before, "minutes", "failed"));
            assertEquals(5, sum(before, "hours", "completed"));
            assertEquals(d.daemon().node(), before.get("node"));
            @SuppressWarnings("unchecked")
            Map<String, Object> busiest = ((List<Map<String, Object>>) before.get("minutes")).stream()
                    .filter(p -> (Long) p.get("completed") > 0).findFirst().orElseThrow();
            assertNotNull(busiest.get("run"));
            assertNotNull(busiest.get("wait"));
        }
    }

    @Test
    void aRestartedDaemonShowsTheRunsOfBeforeTheRestart() {
        try (TestDaemon d = TestDaemon.start()) {
            try (RawClient c = d.connect()) {
                Jobs.enqueue(c, "{\"id\":\"a\",\"command\":\"true\"}");
                Jobs.enqueue(c, "{\"id\":\"b\",\"command\":\"exit 2\",\"max_retries\":0}");
                Jobs.awaitState(c, "a", "completed", Duration.ofSeconds(20));
                Jobs.awaitState(c, "b", "dead", Duration.ofSeconds(20));
            }
            d.restart();
            try (RawClient c = d.connect()) {
                await().atMost(Duration.ofSeconds(5)).until(() -> sum(c.ok("{\"op\":\"stats\"}"), "hours", "completed") == 1);
                Map<String, Object> after = c.ok("{\"op\":\"stats\"}");
                assertEquals(1, sum(after, "hours", "failed"));
                assertEquals(1, sum(after, "minutes", "completed"));
                assertEquals(1, sum(after, "minutes", "failed"));
            }
        }
    }
}

package dev.queuectl.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Schedules against the real daemon: the dispatcher's timer fires them on time (no polling loop
 * to wait for), a restart after downtime makes at most one catch-up firing (or none), overlap skip
 * never lets two firings' jobs run at once, and kill -9 at any moment never doubles a firing nor
 * leaves one unrecorded.
 */
class SchedulesIT {
    @RegisterExtension
    final ShortTempDir temp = new ShortTempDir();

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> jobsOf(RawClient c, String schedule) {
        return (List<Map<String, Object>>) c.ok("{\"op\":\"list\",\"labels\":[\"schedule=" + schedule + "\"],"
                + "\"limit\":1000}").get("jobs");
    }

    static Map<String, Object> schedule(RawClient c, String name) {
        return c.ok("{\"op\":\"schedule_show\",\"name\":\"" + name + "\"}");
    }

    @Test
    void theTimerFiresAnIntervalScheduleAndPausingStopsIt() {
        try (TestDaemon d = TestDaemon.start(); RawClient c = d.connect()) {
            Map<String, Object> added = c.ok("{\"op\":\"schedule_add\",\"name\":\"tick\",\"every\":\"1s\","
                    + "\"job\":{\"command\":\"true\",\"labels\":{\"kind\":\"beat\"}}}");
            assertEquals("one", added.get("catch_up"));
            assertEquals("skip", added.get("overlap"));
            await().atMost(Duration.ofSeconds(10)).until(() -> jobsOf(c, "tick").stream()
                    .filter(j -> "completed".equals(j.get("state"))).count() >= 2);
            Map<String, Object> s = schedule(c, "tick");
            assertTrue(((String) s.get("last_job")).startsWith("tick@"), s.toString());
            assertEquals("fired", s.get("last_outcome"));
            Map<String, Object> job = jobsOf(c, "tick").get(0);
            assertEquals(Map.of("kind", "beat", "schedule", "tick"), job.get("labels"));
            String id = (String) job.get("id");
            assertEquals(Instant.parse(id.substring("tick@".length())).getNano(), 0, "named by the second: " + id);
            c.ok("{\"op\":\"schedule_pause\",\"name\":\"tick\"}");
            int paused = jobsOf(c, "tick").size();
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                    .until(() -> jobsOf(c, "tick").size() <= paused + 1);
            assertEquals("NOT_FOUND", RawClient.errorCode(c.call("{\"op\":\"schedule_run\",\"name\":\"nope\"}")));
            assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.call("{\"op\":\"schedule_add\",\"name\":\"bad\","
                    + "\"cron\":\"61 * * * *\",\"job\":{\"command\":\"true\"}}")));
            assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.call("{\"op\":\"schedule_add\",\"name\":\"bad\","
                    + "\"cron\":\"@daily\",\"tz\":\"Mars/Olympus\",\"job\":{\"command\":\"true\"}}")));
            assertEquals("DUPLICATE_ID", RawClient.errorCode(c.call("{\"op\":\"schedule_add\",\"name\":\"tick\","
                    + "\"every\":\"5s\",\"job\":{\"command\":\"true\"}}")));
        }
    }

    @Test
    void afterDowntimeOneCatchUpFiringOrNone() {
        TestClock clock = new TestClock();
        try (TestDaemon d = TestDaemon.start(clock, s -> s)) {
            try (RawClient c = d.connect()) {
                c.ok("{\"op\":\"worker_stop\"}");
                c.ok("{\"op\":\"schedule_add\",\"name\":\"one\",\"every\":\"1h\",\"job\":{\"command\":\"true\"}}");
                c.ok("{\"op\":\"schedule_add\",\"name\":\"none\",\"every\":\"1h\",\"catch_up\":\"none\","
                        + "\"job\":{\"command\":\"true\"}}");
            }
            d.stop();
            clock.advance(Duration.ofHours(5).plusMinutes(5));
            d.restart();
            try (RawClient c = d.connect()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> "missed".equals(schedule(c, "none").get("last_outcome")));
                await().atMost(Duration.ofSeconds(10)).until(() -> jobsOf(c, "one").size() == 1);
                assertEquals("caught_up", schedule(c, "one").get("last_outcome"));
                assertEquals(1L, schedule(c, "none").get("missed"));
                assertEquals(0, jobsOf(c, "none").size());
            }
        }
    }

    @Test
    void overlapSkipNeverRunsTwoFiringsAtOnce() {
        try (TestDaemon d = TestDaemon.start(); RawClient c = d.connect()) {
            Path lock = d.root.resolve("lock");
            c.ok("{\"op\":\"schedule_add\",\"name\":\"slow\",\"every\":\"1s\",\"job\":{\"max_retries\":0,"
                    + "\"command\":" + Jobs.json("mkdir " + lock + " || exit 3; sleep 2.5; rmdir " + lock) + "}}");
            await().atMost(Duration.ofSeconds(20)).until(() -> (Long) schedule(c, "slow").get("skipped") >= 3);
            c.ok("{\"op\":\"schedule_pause\",\"name\":\"slow\"}");
            for (Map<String, Object> j : jobsOf(c, "slow")) {
                assertTrue(!"dead".equals(j.get("state")), "no two firings ran at once: " + j);
            }
        }
    }

    @Test
    void killMinus9NeverDoublesAFiringNorLosesItsRecord() throws Exception {
        Path data = temp.path().resolve("data");
        Path socket = temp.path().resolve("d.sock");
        int seen = 0;
        for (int round = 0; round < 3; round++) {
            try (DaemonProcess daemon = DaemonProcess.start(data, socket)) {
                try (RawClient c = new RawClient(socket)) {
                    if (round == 0) {
                        c.ok("{\"op\":\"schedule_add\",\"name\":\"beat\",\"every\":\"1s\",\"overlap\":\"queue\","
                                + "\"job\":{\"command\":\"true\"}}");
                    }
                    int before = seen;
                    await().atMost(Duration.ofSeconds(15)).until(() -> jobsOf(c, "beat").size() >= before + 2);
                    seen = jobsOf(c, "beat").size();
                }
                daemon.kill9();
            }
        }
        try (QueueDaemon again = QueueDaemon.start(dev.queuectl.daemon.config.DaemonSettings.of(data, socket));
             RawClient c = new RawClient(socket)) {
            List<Map<String, Object>> jobs = jobsOf(c, "beat");
            List<Instant> times = new ArrayList<>();
            for (Map<String, Object> j : jobs) {
                times.add(Instant.parse(((String) j.get("id")).substring("beat@".length())));
            }
            assertEquals(times.size(), new HashSet<>(times).size(), "each fire time once");
            Instant latest = times.stream().max(Instant::compareTo).orElseThrow();
            Map<String, Object> s = schedule(c, "beat");
            Instant lastFire = Instant.parse((String) s.get("last_fire"));
            assertTrue(!lastFire.isBefore(latest), "every firing's job is recorded: " + lastFire + " vs " + latest);
            assertTrue(Instant.parse((String) s.get("next_fire")).isAfter(lastFire));
        }
    }
}

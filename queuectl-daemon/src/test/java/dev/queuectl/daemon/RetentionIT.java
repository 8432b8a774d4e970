package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.config;
import static dev.queuectl.daemon.Jobs.enqueue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention deletes old finished jobs, their history and output, and nothing else. */
class RetentionIT {
    private final TestClock clock = new TestClock();
    private TestDaemon daemon;
    private RawClient c;

    @BeforeEach
    void start() {
        daemon = TestDaemon.start(clock, s -> s);
        c = daemon.connect();
    }

    @AfterEach
    void stop() {
        c.close();
        daemon.close();
    }

    /** Runs' output files (not the spool files they are made from). */
    private long outputFiles() throws Exception {
        Path output = daemon.settings.outputDir();
        try (Stream<Path> s = Files.walk(output)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.startsWith(output.resolve(".spool"))).count();
        }
    }

    private boolean exists(String id) {
        return Boolean.TRUE.equals(c.call("{\"op\":\"show\",\"id\":\"" + id + "\"}").get("ok"));
    }

    @Test
    void oldCompletedJobsGoWithTheirOutputWhileRecentOnesAndOtherStatesStay() throws Exception {
        String old = enqueue(c, "{\"id\":\"old\",\"command\":\"echo old\"}");
        String dead = enqueue(c, "{\"id\":\"dead\",\"command\":\"echo dead; exit 1\",\"max_retries\":0}");
        awaitState(c, old, "completed", Duration.ofSeconds(10));
        awaitState(c, dead, "dead", Duration.ofSeconds(10));
        assertEquals(2, outputFiles());

        clock.advance(Duration.ofDays(8)); // past keep_completed (7d by default)
        String recent = enqueue(c, "{\"id\":\"recent\",\"command\":\"echo recent\"}");
        awaitState(c, recent, "completed", Duration.ofSeconds(10));
        String waiting = enqueue(c, "{\"id\":\"waiting\",\"command\":\"true\",\"run_at\":\"2099-01-01T00:00:00Z\"}");

        Map<String, Object> pruned = c.ok("{\"op\":\"prune\",\"completed\":true,\"dead\":true}");
        assertEquals(1L, pruned.get("count"), "only the old completed job: dead jobs are kept (keep_dead none)");
        assertFalse(exists(old));
        assertTrue(exists(recent) && exists(dead) && exists(waiting));
        assertEquals(2, outputFiles(), "the old job's output went with it");
        assertEquals(1L, Jobs.count(c, "completed"));

        config(c, "keep_dead", "1d");
        clock.advance(Duration.ofDays(2));
        assertEquals(1L, c.ok("{\"op\":\"prune\",\"completed\":true,\"dead\":true}").get("count"),
                "the dead job is past keep_dead; the recent one is two days old, within keep_completed");
        assertFalse(exists(dead));
        assertTrue(exists(recent));
        config(c, "keep_completed", "1d");
        assertEquals(1L, c.ok("{\"op\":\"prune\",\"completed\":true}").get("count"));
        assertFalse(exists(recent));
        assertTrue(exists(waiting), "pending jobs are never pruned");
        assertEquals(0, outputFiles());
    }

    @Test
    void pruneByHandWithAnAge() {
        String id = enqueue(c, "{\"command\":\"true\"}");
        awaitState(c, id, "completed", Duration.ofSeconds(10));
        assertEquals(0L, c.ok("{\"op\":\"prune\",\"completed\":true,\"older_than\":\"1h\"}").get("count"));
        clock.advance(Duration.ofHours(2));
        assertEquals(1L, c.ok("{\"op\":\"prune\",\"completed\":true,\"older_than\":\"1h\"}").get("count"));
        Map<String, Object> refused = c.call("{\"op\":\"prune\",\"dead\":true}");
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(refused));
        assertTrue(RawClient.errorMessage(refused).contains("keep_dead is none"));
    }
}

package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.config;
import static dev.queuectl.daemon.Jobs.enqueue;
import static dev.queuectl.daemon.Jobs.history;
import static dev.queuectl.daemon.Jobs.instant;
import static dev.queuectl.daemon.Jobs.json;
import static dev.queuectl.daemon.Jobs.show;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Running jobs for real: processes, retries, the DLQ, timeouts, cancel, the worker switch. */
class EngineIT {
    private TestDaemon daemon;
    private RawClient c;

    @BeforeEach
    void start() {
        daemon = TestDaemon.start();
        c = daemon.connect();
    }

    @AfterEach
    void stop() {
        c.close();
        daemon.close();
    }

    private Path file(String name) {
        return daemon.root.resolve(name);
    }

    @Test
    void aJobCompletesAndItsOutputIsInLogs() {
        String id = enqueue(c, "{\"command\":\"echo hello; echo oops >&2; echo $QUEUECTL_JOB_ID $QUEUECTL_ATTEMPT\"}");
        Map<String, Object> job = awaitState(c, id, "completed", Duration.ofSeconds(10));
        assertEquals(1L, job.get("attempts"));
        assertEquals(0L, job.get("exit_code"));
        assertNull(job.get("last_error"));
        assertEquals("completed", history(job).get(0).get("outcome"));
        assertEquals("hello\noops\n" + id + " 1\n", Jobs.logs(c, id, 1));
        Map<String, Object> latest = c.ok("{\"op\":\"logs\",\"id\":\"" + id + "\"}");
        assertEquals(1L, latest.get("attempt"));
        assertEquals(Boolean.FALSE, latest.get("running"));
    }

    @Test
    void aFailingJobRetriesWithExponentialBackoffThenGoesToTheDlqAndCanBeRetried() throws Exception {
        config(c, "backoff_base", 2);
        Path marker = file("runs");
        String id = enqueue(c, "{\"id\":\"flaky\",\"max_retries\":2,\"command\":"
                + json("date +%s.%N >> " + marker + "; echo failing; exit 7") + "}");
        Map<String, Object> dead = awaitState(c, id, "dead", Duration.ofSeconds(20));
        List<Map<String, Object>> runs = history(dead);
        assertEquals(3, runs.size(), "the first run and two retries");
        assertEquals(3L, dead.get("attempts"));
        assertEquals(7L, dead.get("exit_code"));
        assertEquals("exit code 7: failing", dead.get("last_error"));
        Duration firstGap = Duration.between(instant(runs.get(0).get("finished_at")), instant(runs.get(1).get("started_at")));
        Duration secondGap = Duration.between(instant(runs.get(1).get("finished_at")), instant(runs.get(2).get("started_at")));
        assertTrue(firstGap.compareTo(Duration.ofMillis(2000)) >= 0 && firstGap.compareTo(Duration.ofMillis(3500)) < 0,
                "2^1 s: " + firstGap);
        assertTrue(secondGap.compareTo(Duration.ofMillis(4000)) >= 0 && secondGap.compareTo(Duration.ofMillis(5500)) < 0,
                "2^2 s: " + secondGap);
        assertEquals(3, Files.readAllLines(marker).size(), "it really ran three times");

        Map<String, Object> dlq = c.ok("{\"op\":\"list\",\"state\":\"dead\"}");
        assertEquals("flaky", ((Map<?, ?>) ((List<?>) dlq.get("jobs")).get(0)).get("id"));

        Map<String, Object> revived = c.ok("{\"op\":\"dlq_retry\",\"id\":\"flaky\"}");
        assertEquals(0L, revived.get("attempts"), "attempts reset");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readAllLines(marker).size() == 4);
        Map<String, Object> again = show(c, id);
        assertTrue(history(again).size() >= 4, "the history is kept");
    }

    @Test
    void retryingAJobThatIsNotDeadIsAClearError() {
        String id = enqueue(c, "{\"command\":\"true\",\"run_at\":\"2099-01-01T00:00:00Z\"}");
        Map<String, Object> r = c.call("{\"op\":\"dlq_retry\",\"id\":\"" + id + "\"}");
        assertEquals("INVALID_STATE", RawClient.errorCode(r));
        assertTrue(RawClient.errorMessage(r).contains("is pending, not dead"), RawClient.errorMessage(r));
        assertEquals("NOT_FOUND", RawClient.errorCode(c.call("{\"op\":\"dlq_retry\",\"id\":\"nope\"}")));
    }

    @Test
    void aMissingCommandEndsDeadWhileOtherJobsKeepCompleting() {
        String missing = enqueue(c, "{\"command\":\"definitely-not-a-command-xyz --flag\",\"max_retries\":0}");
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(enqueue(c, "{\"command\":\"echo " + i + "\"}"));
        }
        Map<String, Object> dead = awaitState(c, missing, "dead", Duration.ofSeconds(10));
        assertTrue(((String) dead.get("last_error")).contains("not found"), (String) dead.get("last_error"));
        assertEquals(127L, dead.get("exit_code"));
        for (String id : others) {
            awaitState(c, id, "completed", Duration.ofSeconds(10));
        }
    }

    @Test
    void fourWorkersRunTwoHundredJobsEachExactlyOnce() throws Exception {
        config(c, "workers", 4);
        Path out = file("ids");
        StringBuilder batch = new StringBuilder("{\"op\":\"enqueue_batch\",\"jobs\":[");
        for (int i = 0; i < 200; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"id\":\"j").append(i).append("\",\"command\":")
                    .append(json("echo $QUEUECTL_JOB_ID >> " + out)).append('}');
        }
        c.ok(batch.append("]}").toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> Jobs.count(c, "completed") == 200);
        List<String> lines = Files.readAllLines(out);
        assertEquals(200, lines.size());
        Map<String, Integer> seen = new HashMap<>();
        lines.forEach(l -> seen.merge(l, 1, Integer::sum));
        for (int i = 0; i < 200; i++) {
            assertEquals(1, seen.getOrDefault("j" + i, 0), "j" + i);
        }
    }

    @Test
    void higherPriorityRunsFirstAndAFutureRunAtDoesNotStartEarly() throws Exception {
        c.ok("{\"op\":\"worker_stop\"}");
        Path order = file("order");
        String later = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        enqueue(c, "{\"id\":\"delayed\",\"priority\":100,\"run_at\":\"" + later + "\",\"command\":"
                + json("date +%s.%N > " + file("delayed-at") + "; echo delayed >> " + order) + "}");
        for (int p : new int[] {1, 5, 3, 5}) {
            enqueue(c, "{\"priority\":" + p + ",\"command\":" + json("echo p" + p + "-$QUEUECTL_JOB_ID >> " + order) + "}");
        }
        config(c, "workers", 1);
        c.ok("{\"op\":\"worker_start\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(order) && Files.readAllLines(order).size() == 4);
        List<String> ran = Files.readAllLines(order);
        assertEquals(List.of("p5-3", "p5-5", "p3-4", "p1-2"), ran, "priority first, then enqueue order");
        Map<String, Object> delayed = awaitState(c, "delayed", "completed", Duration.ofSeconds(10));
        assertFalse(instant(delayed.get("started_at")).isBefore(Instant.parse(later)), "not before its run_at");
    }

    @Test
    void aTimeoutKillsTheWholeProcessTreeIncludingAnEscapedGrandchild() throws Exception {
        Path pids = file("pids");
        String id = enqueue(c, "{\"max_retries\":0,\"timeout\":1,\"command\":"
                + json("(sleep 300 & echo $! >> " + pids + "); sleep 300 & echo $! >> " + pids + "; wait") + "}");
        Map<String, Object> dead = awaitState(c, id, "dead", Duration.ofSeconds(15));
        assertEquals("timed out after 1s", dead.get("last_error"));
        assertEquals("timed_out", history(dead).get(0).get("outcome"));
        List<String> children = Files.readAllLines(pids);
        assertEquals(2, children.size());
        for (String pid : children) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !alive(Long.parseLong(pid.strip())));
        }
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(h -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return h.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (java.io.IOException e) {
                return false;
            }
        }).orElse(false);
    }

    @Test
    void cancelMovesAPendingJobToTheDlqAndStopsARunningOne() throws Exception {
        String waiting = enqueue(c, "{\"command\":\"true\",\"run_at\":\"2099-01-01T00:00:00Z\"}");
        Map<String, Object> cancelled = c.ok("{\"op\":\"cancel\",\"id\":\"" + waiting + "\"}");
        assertEquals("dead", cancelled.get("state"));
        assertEquals("cancelled", cancelled.get("last_error"));

        Path pid = file("running-pid");
        String running = enqueue(c, "{\"command\":" + json("echo $$ > " + pid + "; exec sleep 300") + "}");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pid) && !Files.readString(pid).isBlank());
        long shell = Long.parseLong(Files.readString(pid).strip());
        Map<String, Object> stopped = c.ok("{\"op\":\"cancel\",\"id\":\"" + running + "\"}");
        assertEquals("dead", stopped.get("state"));
        assertEquals("cancelled", stopped.get("last_error"));
        assertEquals("cancelled", history(show(c, running)).get(0).get("outcome"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(shell));

        Map<String, Object> again = c.call("{\"op\":\"cancel\",\"id\":\"" + running + "\"}");
        assertEquals("INVALID_STATE", RawClient.errorCode(again));
    }

    @Test
    void workerStopLetsTheRunningJobFinishStartResumesAndTheSettingSurvivesARestart() throws Exception {
        Path gate = file("gate");
        String first = enqueue(c, "{\"command\":" + json("while [ ! -f " + gate + " ]; do sleep 0.05; done") + "}");
        awaitState(c, first, "processing", Duration.ofSeconds(10));
        Map<String, Object> w = c.ok("{\"op\":\"worker_stop\"}");
        assertEquals(Boolean.TRUE, w.get("stopped"));
        assertEquals(1L, w.get("busy"));
        String second = enqueue(c, "{\"command\":\"true\"}");
        Files.createFile(gate);
        awaitState(c, first, "completed", Duration.ofSeconds(10));
        Map<String, Object> idle = c.ok("{\"op\":\"worker_stop\",\"wait\":true}");
        assertEquals(0L, idle.get("busy"));
        assertEquals("pending", Jobs.state(c, second), "a stopped pool takes no new jobs");

        c.close();
        daemon.restart();
        c = daemon.connect();
        assertEquals(Boolean.TRUE, Jobs.workers(c).get("stopped"), "a stopped pool stays stopped");
        assertEquals("pending", Jobs.state(c, second));
        Map<String, Object> started = c.ok("{\"op\":\"worker_start\",\"count\":3}");
        assertEquals(Boolean.FALSE, started.get("stopped"));
        assertEquals(3L, started.get("configured"));
        awaitState(c, second, "completed", Duration.ofSeconds(10));
    }

    @Test
    void statusShowsBusyWorkersWithTheirJobAndHowLongItHasRun() {
        String id = enqueue(c, "{\"command\":\"sleep 5\"}");
        awaitState(c, id, "processing", Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> !((List<?>) Jobs.workers(c).get("running")).isEmpty());
        Map<?, ?> busy = (Map<?, ?>) ((List<?>) Jobs.workers(c).get("running")).get(0);
        assertEquals(id, busy.get("job"));
        assertEquals(1L, busy.get("attempt"));
        assertTrue(((Number) busy.get("running_for")).doubleValue() >= 0);
        c.ok("{\"op\":\"cancel\",\"id\":\"" + id + "\"}");
    }

    @Test
    void waitReturnsWhenTheJobEndsOrTimesOut() {
        String ok = enqueue(c, "{\"command\":\"sleep 0.3\"}");
        Map<String, Object> done = c.ok("{\"op\":\"wait\",\"id\":\"" + ok + "\"}");
        assertEquals(Boolean.TRUE, done.get("finished"));
        assertEquals("completed", ((Map<?, ?>) done.get("job")).get("state"));
        String slow = enqueue(c, "{\"command\":\"sleep 30\"}");
        Map<String, Object> timedOut = c.ok("{\"op\":\"wait\",\"id\":\"" + slow + "\",\"timeout\":0.3}");
        assertEquals(Boolean.FALSE, timedOut.get("finished"));
        c.ok("{\"op\":\"cancel\",\"id\":\"" + slow + "\"}");
        String bad = enqueue(c, "{\"command\":\"exit 1\",\"max_retries\":0}");
        assertEquals("dead", ((Map<?, ?>) c.ok("{\"op\":\"wait\",\"id\":\"" + bad + "\"}").get("job")).get("state"));
    }

    @Test
    void logsFollowStreamsWhileTheJobRuns() {
        String id = enqueue(c, "{\"command\":\"for i in 1 2 3; do echo tick $i; sleep 0.2; done\"}");
        StringBuilder seen = new StringBuilder();
        long offset = 0;
        boolean running = true;
        while (running || seen.length() < 21) {
            Map<String, Object> chunk = c.ok("{\"op\":\"logs\",\"id\":\"" + id + "\",\"offset\":" + offset + ",\"wait\":true}");
            seen.append((String) chunk.get("data"));
            long next = (Long) chunk.get("next_offset");
            running = (Boolean) chunk.get("running") || next > offset;
            offset = next;
        }
        assertEquals("tick 1\ntick 2\ntick 3\n", seen.toString());
    }

    @Test
    void logsWaitsForARunThatHasNotStartedAndSaysHowEachRunEnded() {
        config(c, "backoff_base", 1);
        String id = enqueue(c, "{\"max_retries\":1,\"delay\":1,\"command\":\"echo run $QUEUECTL_ATTEMPT; exit 1\"}");
        Map<String, Object> first = c.ok("{\"op\":\"logs\",\"id\":\"" + id + "\",\"wait\":true}");
        assertEquals(1L, first.get("attempt"), "the answer waited for the first run: " + first);
        assertEquals(1L, first.get("runs"));
        Map<String, Object> ended = c.ok("{\"op\":\"logs\",\"id\":\"" + id + "\",\"attempt\":1,\"offset\":"
                + first.get("next_offset") + ",\"wait\":true}");
        String all = first.get("data") + (String) ended.get("data");
        while (Boolean.TRUE.equals(ended.get("running")) || !"".equals(ended.get("data"))) {
            ended = c.ok("{\"op\":\"logs\",\"id\":\"" + id + "\",\"attempt\":1,\"offset\":"
                    + ended.get("next_offset") + ",\"wait\":true}");
            all += ended.get("data");
        }
        assertEquals("run 1\n", all);
        assertEquals("failed", ended.get("outcome"));
        assertEquals("failed", ended.get("state"), "it waits for its retry");
        Map<String, Object> retry = c.ok("{\"op\":\"logs\",\"id\":\"" + id + "\",\"attempt\":2,\"wait\":true}");
        assertEquals(2L, retry.get("attempt"), "the answer waited for the retry: " + retry);
        assertEquals(2L, retry.get("runs"));
        awaitState(c, id, "dead", Duration.ofSeconds(10));
        Map<String, Object> none = c.ok("{\"op\":\"logs\",\"id\":\"" + id + "\",\"attempt\":3,\"wait\":true}");
        assertEquals(2L, none.get("runs"), "a dead job has no next run to wait for");
        assertEquals("dead", none.get("state"));
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(
                c.call("{\"op\":\"logs\",\"id\":\"" + id + "\",\"attempt\":4,\"wait\":true}")));
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(
                c.call("{\"op\":\"logs\",\"id\":\"" + id + "\",\"attempt\":3}")), "without wait, as before");
    }

    @Test
    void outputBeyondTheLimitKeepsTheTail() {
        daemon.close();
        daemon = TestDaemon.start(s -> s.withOutputLimitBytes(4096));
        c = daemon.connect();
        String id = enqueue(c, "{\"command\":\"seq 1 20000\"}");
        awaitState(c, id, "completed", Duration.ofSeconds(10));
        Map<String, Object> first = c.ok("{\"op\":\"logs\",\"id\":\"" + id + "\",\"offset\":0}");
        long dropped = (Long) first.get("dropped");
        assertTrue(dropped > 100_000, "dropped " + dropped);
        assertEquals(dropped, first.get("offset"), "reading starts where the kept tail starts");
        String kept = Jobs.logs(c, id, 1);
        assertEquals(4096, kept.length());
        assertTrue(kept.endsWith("19999\n20000\n"), kept.substring(kept.length() - 20));
    }
}

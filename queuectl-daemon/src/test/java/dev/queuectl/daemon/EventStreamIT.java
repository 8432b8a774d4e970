package dev.queuectl.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.config.DaemonOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live events over HTTP: what a new stream gets, coalescing under a burst, resuming with
 * Last-Event-ID, following a run's output, the stream limit, a client that stops reading, and a
 * thousand streams that come and go without leaving anything behind.
 */
class EventStreamIT {
    private HttpDaemon d;

    @AfterEach
    void stop() {
        if (d != null) {
            d.close();
        }
    }

    private int port() {
        return d.daemon.daemon().httpPort();
    }

    private SseClient stream(String query) {
        SseClient s = new SseClient(port(), d.token, query);
        assertEquals(200, s.status, s.errorBody);
        assertTrue(s.headers.get("content-type").startsWith("text/event-stream"));
        return s;
    }

    @SuppressWarnings("unchecked")
    private static long pending(SseClient.Event status) {
        return (Long) ((Map<String, Object>) status.json().get("jobs")).get("pending");
    }

    @Test
    void aStreamStartsWithTheStatusAndShowsEnqueuesAtOnce() {
        d = HttpDaemon.start();
        d.socket.ok("{\"op\":\"worker_stop\"}");
        try (SseClient s = stream(null)) {
            SseClient.Event first = s.next("status", Duration.ofSeconds(5));
            assertNotNull(first);
            assertEquals(0, pending(first));
            d.socket.ok("{\"op\":\"enqueue\",\"id\":\"new-one\",\"command\":\"true\"}");
            SseClient.Event jobs = s.next("jobs", Duration.ofSeconds(5));
            assertNotNull(jobs, "a jobs event within a tick or two");
            assertEquals(1L, jobs.json().get("enqueued"));
            SseClient.Event status = s.next("status", Duration.ofSeconds(5));
            assertEquals(1, pending(status));
            assertTrue(status.id().contains("."), "numbered: " + status.id());
        }
    }

    @Test
    void aBurstOfJobsIsCoalescedIntoAFewMessagesASecond() {
        d = HttpDaemon.start();
        d.socket.ok("{\"op\":\"worker_stop\"}");
        StringBuilder batch = new StringBuilder("{\"op\":\"enqueue_batch\",\"jobs\":[");
        for (int i = 0; i < 2000; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"command\":\"true\"}");
        }
        d.socket.ok(batch.append("]}").toString());
        try (SseClient s = stream(null)) {
            s.next("status", Duration.ofSeconds(5));
            d.socket.ok("{\"op\":\"worker_start\",\"count\":4}");
            List<SseClient.Event> events = s.during(Duration.ofSeconds(3));
            long completed = (Long) ((Map<?, ?>) d.socket.ok("{\"op\":\"status\"}").get("jobs")).get("completed");
            assertTrue(completed > 200, "jobs ran meanwhile: " + completed);
            long jobsEvents = events.stream().filter(e -> e.event().equals("jobs")).count();
            assertTrue(jobsEvents >= 1 && jobsEvents <= 14, jobsEvents + " jobs events in 3 s for " + completed + " jobs");
            assertTrue(events.size() <= 40, events.size() + " events in 3 s");
            for (SseClient.Event e : events) {
                if (e.event().equals("jobs")) {
                    assertTrue(((List<?>) e.json().get("changed")).size() <= 100, "at most 100 ids per message");
                }
            }
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissedOrIsToldToStartOver() {
        d = HttpDaemon.start();
        d.socket.ok("{\"op\":\"worker_stop\"}");
        String lastId;
        try (SseClient s = stream(null)) {
            d.socket.ok("{\"op\":\"enqueue\",\"id\":\"seen\",\"command\":\"true\"}");
            SseClient.Event e = s.next("jobs", Duration.ofSeconds(5));
            lastId = e.id();
        }
        // While the client is away (a dropped connection, say), a job changes.
        d.socket.ok("{\"op\":\"enqueue\",\"id\":\"missed\",\"command\":\"true\"}");
        d.socket.ok("{\"op\":\"cancel\",\"id\":\"missed\"}");
        try (SseClient resumed = new SseClient(port(), d.token, null, lastId, 0)) {
            SseClient.Event replayed = resumed.next("jobs", Duration.ofSeconds(5));
            assertNotNull(replayed, "the jobs message after " + lastId + " is replayed");
            assertTrue(replayed.data().contains("{\"id\":\"missed\",\"state\":\"dead\"}"), replayed.data());
        }
        String otherEpoch = "zzzz." + lastId.substring(lastId.indexOf('.') + 1);
        try (SseClient stale = new SseClient(port(), d.token, null, otherEpoch, 0)) {
            assertNotNull(stale.next("reset", Duration.ofSeconds(5)), "an id from another daemon's life cannot be resumed");
        }
    }

    @Test
    void aFollowedJobsOutputArrivesAsItIsWritten() {
        d = HttpDaemon.start();
        d.socket.ok("{\"op\":\"enqueue\",\"id\":\"talker\",\"command\":"
                + "\"for i in 1 2 3 4; do echo line$i; sleep 0.3; done\"}");
        StringBuilder out = new StringBuilder();
        int chunks = 0;
        try (SseClient s = stream("follow=talker")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                SseClient.Event e = s.next("log", Duration.ofSeconds(5));
                if (e == null) {
                    continue;
                }
                Map<String, Object> c = e.json();
                out.append(c.get("data"));
                if (!((String) c.get("data")).isEmpty()) {
                    chunks++;
                }
                if (Boolean.FALSE.equals(c.get("running")) && ((String) c.get("data")).isEmpty()) {
                    break;
                }
            }
        }
        assertEquals("line1\nline2\nline3\nline4\n", out.toString());
        assertTrue(chunks >= 2, "output arrived while the run went on, in " + chunks + " chunks");
    }

    @Test
    void streamsBeyondTheLimitAreRefusedWith503() {
        d = HttpDaemon.start(s -> s.with(DaemonOption.HTTP_MAX_EVENT_STREAMS, "3"));
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(stream(null));
            }
            SseClient fourth = new SseClient(port(), d.token, null);
            assertEquals(503, fourth.status);
            assertTrue(fourth.errorBody.contains("\"UNAVAILABLE\""), fourth.errorBody);
            fourth.close();
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                SseClient again = new SseClient(port(), d.token, null);
                again.close();
                return again.status == 200;
            });
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void aClientThatStopsReadingHoldsNothingUpAndGetsTheOutputWhenItReadsAgain() {
        // 16 MB of output: more than the kernel buffers between the daemon and a client that does
        // not read, so the daemon must pause the stream rather than queue it.
        d = HttpDaemon.start(s -> s.withOutputLimitBytes(64L * 1024 * 1024));
        d.socket.ok("{\"op\":\"enqueue\",\"id\":\"loud\",\"command\":"
                + "\"head -c 16000000 /dev/zero | tr '\\\\0' x; echo; echo done\"}");
        try (SseClient slow = new SseClient(port(), d.token, "follow=loud", null, 4096);
             SseClient other = stream(null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(
                    d.socket.ok("{\"op\":\"show\",\"id\":\"loud\"}").get("state")));
            long heapWhileBehind = usedHeapAfterGc();
            d.socket.ok("{\"op\":\"enqueue\",\"command\":\"true\"}");
            assertNotNull(other.next("jobs", Duration.ofSeconds(5)), "other streams carry on meanwhile");
            StringBuilder tail = new StringBuilder();
            long bytes = 0;
            boolean ended = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!ended && System.nanoTime() < deadline) {
                SseClient.Event e = slow.next("log", Duration.ofSeconds(5));
                if (e != null) {
                    Map<String, Object> c = e.json();
                    String data = (String) c.get("data");
                    bytes += data.length();
                    tail.append(data);
                    if (tail.length() > 100) {
                        tail.delete(0, tail.length() - 100);
                    }
                    ended = Boolean.FALSE.equals(c.get("running")) && data.isEmpty();
                }
            }
            assertTrue(ended, "the slow client got the output to its end");
            assertTrue(tail.toString().endsWith("x\ndone\n"), tail.toString());
            assertEquals(16_000_000 + 6, bytes, "nothing skipped");
            assertTrue(heapWhileBehind < 200L * 1024 * 1024, "the daemon did not queue the output: heap "
                    + heapWhileBehind / (1024 * 1024) + " MiB");
        }
    }

    @Test
    void aThousandStreamsComeAndGoWithoutLeavingMemoryBehind() {
        d = HttpDaemon.start(s -> s.with(DaemonOption.HTTP_MAX_EVENT_STREAMS, "1000")
                .with(DaemonOption.HTTP_MAX_CONNECTIONS, "1100"));
        long before = 0;
        for (int round = 0; round < 3; round++) {
            List<SseClient> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    streams.add(stream(null));
                }
                assertEquals(1000, gauge("queuectl_http_event_streams"));
                d.socket.ok("{\"op\":\"enqueue\",\"command\":\"true\"}");
                for (SseClient s : streams) {
                    assertNotNull(s.next("status", Duration.ofSeconds(30)), "every stream hears the status");
                }
            } finally {
                streams.forEach(SseClient::close);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> gauge("queuectl_http_event_streams") == 0);
            long used = usedHeapAfterGc();
            if (round == 0) {
                before = used;
            } else {
                assertTrue(used - before < 24L * 1024 * 1024, "heap grew by " + (used - before) / 1024 + " KiB from"
                        + " round 1 to round " + (round + 1));
            }
        }
        assertEquals(200, d.api.get("/api/v1/status", d.bearer()).status());
    }

    private long gauge(String name) {
        String text = d.api.get("/metrics", d.bearer()).body();
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
        assertTrue(m.find(), name + " in /metrics");
        return (long) Double.parseDouble(m.group(1));
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}

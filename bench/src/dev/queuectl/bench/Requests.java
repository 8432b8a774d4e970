package dev.queuectl.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** Request lines built by hand, and the few request/answer exchanges several figures share. */
final class Requests {
    static final String STATUS = "{\"op\":\"status\"}";
    static final String WORKER_START = "{\"op\":\"worker_start\"}";
    static final String WORKER_STOP_AND_WAIT = "{\"op\":\"worker_stop\",\"wait\":true}";

    private Requests() {
    }

    /** A job object: {@code id} and {@code runAt} may be null. */
    static String job(String command, String id, Instant runAt) {
        StringBuilder b = new StringBuilder(64).append("{\"command\":").append(Json.quote(command));
        if (id != null) {
            b.append(",\"id\":").append(Json.quote(id));
        }
        if (runAt != null) {
            b.append(",\"run_at\":\"").append(runAt).append('"');
        }
        return b.append('}').toString();
    }

    static String enqueue(String command, String id) {
        StringBuilder b = new StringBuilder(64).append("{\"op\":\"enqueue\",\"command\":").append(Json.quote(command));
        if (id != null) {
            b.append(",\"id\":").append(Json.quote(id));
        }
        return b.append('}').toString();
    }

    /** An enqueue_batch of {@code count} jobs produced by {@code job(i)} for i in [from, from+count). */
    static String enqueueBatch(int from, int count, java.util.function.IntFunction<String> job) {
        StringBuilder b = new StringBuilder(count * 40 + 32).append("{\"op\":\"enqueue_batch\",\"jobs\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(job.apply(from + i));
        }
        return b.append("]}").toString();
    }

    static String configSet(String key, long value) {
        return "{\"op\":\"config_set\",\"key\":" + Json.quote(key) + ",\"value\":" + value + "}";
    }

    static String show(String id) {
        return "{\"op\":\"show\",\"id\":" + Json.quote(id) + "}";
    }

    static String waitFor(String id, String timeout) {
        return "{\"op\":\"wait\",\"id\":" + Json.quote(id) + ",\"timeout\":" + Json.quote(timeout) + "}";
    }

    static String list(String state, int limit) {
        return "{\"op\":\"list\",\"state\":" + Json.quote(state) + ",\"limit\":" + limit + "}";
    }

    /** The most recently enqueued {@code limit} jobs in a state. */
    static String listNewest(String state, int limit) {
        return "{\"op\":\"list\",\"state\":" + Json.quote(state) + ",\"limit\":" + limit + ",\"newest_first\":true}";
    }

    /**
     * Enqueues {@code total} jobs in pipelined batches of {@code perBatch}; returns once all are
     * acknowledged. A second thread writes while this one reads the answers: a client that
     * stopped reading would fill the socket with answers, and the daemon would (rightly) stop
     * reading its requests.
     */
    static void enqueueAll(WireConnection c, int total, int perBatch, java.util.function.IntFunction<String> job)
            throws IOException {
        int batches = (total + perBatch - 1) / perBatch;
        java.util.concurrent.CompletableFuture<Void> writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                for (int from = 0; from < total; from += perBatch) {
                    c.send(enqueueBatch(from, Math.min(perBatch, total - from), job));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long acknowledged = 0;
        for (int i = 0; i < batches; i++) {
            Map<String, Object> result = Json.object(WireConnection.resultOf(c.readLine()), "enqueue_batch result");
            acknowledged += Json.number(result.get("count"), "enqueue_batch count");
        }
        writer.join();
        if (acknowledged != total) {
            throw new IllegalStateException("enqueued " + acknowledged + " jobs, expected " + total);
        }
    }

    /** The per-state counts of {@code status}. */
    static Map<String, Object> counts(WireConnection c) throws IOException {
        return Json.object(c.callObject(STATUS).get("jobs"), "status jobs");
    }

    static long count(Map<String, Object> counts, String state) {
        return Json.number(counts.get(state), "count of " + state);
    }

    /**
     * Polls {@code status} every 200 ms until at least {@code completed} jobs are completed.
     * Fails if any job fails or dies, or after {@code timeoutMs}.
     */
    static void awaitCompleted(WireConnection c, long completed, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (true) {
            Map<String, Object> counts = counts(c);
            if (count(counts, "failed") + count(counts, "dead") > 0) {
                throw new IllegalStateException("jobs failed while waiting for completion: " + counts);
            }
            if (count(counts, "completed") >= completed) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + completed + " completed jobs: " + counts);
            }
            Thread.sleep(200);
        }
    }
}

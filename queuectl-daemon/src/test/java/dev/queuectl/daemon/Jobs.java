package dev.queuectl.daemon;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small helpers over the raw protocol for the engine's tests. */
final class Jobs {
    private Jobs() {
    }

    static String enqueue(RawClient c, String json) {
        return (String) c.ok("{\"op\":\"enqueue\"," + json.substring(1)).get("id");
    }

    static Map<String, Object> show(RawClient c, String id) {
        return c.ok("{\"op\":\"show\",\"id\":\"" + id + "\"}");
    }

    static String state(RawClient c, String id) {
        return (String) show(c, id).get("state");
    }

    static Map<String, Object> awaitState(RawClient c, String id, String state, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> state.equals(state(c, id)));
        return show(c, id);
    }

    static void config(RawClient c, String key, Object value) {
        String v = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        c.ok("{\"op\":\"config_set\",\"key\":\"" + key + "\",\"value\":" + v + "}");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> history(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("history");
    }

    static Instant instant(Object iso) {
        return Instant.parse((String) iso);
    }

    static String logs(RawClient c, String id, int attempt) {
        StringBuilder out = new StringBuilder();
        long offset = 0;
        while (true) {
            Map<String, Object> chunk = c.ok("{\"op\":\"logs\",\"id\":\"" + id + "\",\"attempt\":" + attempt
                    + ",\"offset\":" + offset + "}");
            String data = (String) chunk.get("data");
            out.append(data);
            long next = (Long) chunk.get("next_offset");
            if (next == offset) {
                return out.toString();
            }
            offset = next;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> workers(RawClient c) {
        return (Map<String, Object>) c.ok("{\"op\":\"status\"}").get("workers");
    }

    static long count(RawClient c, String state) {
        return (Long) ((Map<?, ?>) c.ok("{\"op\":\"status\"}").get("jobs")).get(state);
    }

    /** A shell-safe JSON string literal. */
    static String json(String s) {
        return dev.queuectl.protocol.json.Json.toString(s);
    }
}

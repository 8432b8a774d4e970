package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import dev.queuectl.protocol.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A daemon (node) sharing the store, as {@code status} lists it: its identity, its state
 * ({@code alive}, {@code lease expired}, or {@code left} after a clean stop), when its lease ends
 * (null for a store one daemon uses), its workers and how many jobs it is running.
 */
public record NodeView(String id, String host, long pid, String version, String state, Instant startedAt,
                       Instant leaseUntil, int workers, int running) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("host", host);
        m.put("pid", pid);
        m.put("version", version);
        m.put("state", state);
        m.put("started_at", startedAt == null ? null : Timestamps.format(startedAt));
        m.put("lease_until", leaseUntil == null ? null : Timestamps.format(leaseUntil));
        m.put("workers", workers);
        m.put("running", running);
        return m;
    }

    public static NodeView fromJson(Object json) {
        Fields f = Fields.of(json, "node");
        Integer workers = f.optInt("workers", 0, Integer.MAX_VALUE);
        Integer running = f.optInt("running", 0, Integer.MAX_VALUE);
        Long pid = f.optLong("pid", 0, Long.MAX_VALUE);
        return new NodeView(f.optString("id"), f.optString("host"), pid == null ? 0 : pid, f.optString("version"),
                f.optString("state"), f.optInstant("started_at"), f.optInstant("lease_until"),
                workers == null ? 0 : workers, running == null ? 0 : running);
    }
}

package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.json.JsonWritable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon at a glance: its identity (version, node id, store, pid), a count for each of the
 * five states (zeros included), its workers and recent run statistics. {@code node} and
 * {@code store} are null from a daemon of protocol 1; {@code nodes} (every daemon sharing the
 * store) is empty from a daemon of protocol 2 or earlier.
 */
public record StatusView(String version, int protocol, String node, String store, long pid, Instant startedAt,
                         double uptimeSeconds, String socket, String dataDir, Map<JobState, Long> counts,
                         WorkersView workers, RunStatsView stats, List<NodeView> nodes) implements JsonWritable {

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> jobs = new LinkedHashMap<>();
        for (JobState s : JobState.values()) {
            jobs.put(s.wireName(), counts.getOrDefault(s, 0L));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("protocol", protocol);
        m.put("node", node);
        m.put("store", store);
        m.put("pid", pid);
        m.put("started_at", Timestamps.format(startedAt));
        m.put("uptime", Math.round(uptimeSeconds * 1000) / 1000.0);
        m.put("socket", socket);
        m.put("data_dir", dataDir);
        m.put("jobs", jobs);
        m.put("workers", workers.toJson());
        m.put("stats", stats.toJson());
        List<Object> list = new ArrayList<>(nodes.size());
        for (NodeView n : nodes) {
            list.add(n.toJson());
        }
        m.put("nodes", list);
        return m;
    }

    public static StatusView fromJson(Object json) {
        Fields f = Fields.of(json, "status");
        Fields jobs = f.optObject("jobs");
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            Long n = jobs == null ? null : jobs.optLong(s.wireName(), 0, Long.MAX_VALUE);
            counts.put(s, n == null ? 0L : n);
        }
        Object uptime = f.optScalar("uptime");
        Object workers = f.optRaw("workers");
        List<NodeView> nodes = new ArrayList<>();
        List<?> listed = f.optList("nodes");
        if (listed != null) {
            for (Object o : listed) {
                nodes.add(NodeView.fromJson(o));
            }
        }
        return new StatusView(f.optString("version"), f.optInt("protocol", 0, Integer.MAX_VALUE),
                f.optString("node"), f.optString("store"), f.optLong("pid", 0, Long.MAX_VALUE), f.optInstant("started_at"),
                uptime instanceof Number ? ((Number) uptime).doubleValue() : 0, f.optString("socket"),
                f.optString("data_dir"), counts,
                workers == null ? new WorkersView(0, false, java.util.List.of()) : WorkersView.fromJson(workers),
                RunStatsView.fromJson(f.optRaw("stats")), nodes);
    }
}

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
 * five states (zeros included), its workers, recent run statistics, its long-lived loops and how
 * it keeps track of runs' processes. {@code node} and {@code store} are null from a daemon of
 * protocol 1; {@code loops} is empty and {@code containment} null from one before protocol 3.
 * {@code waiting} splits the pending and the failed jobs by why they are not running:
 * {@code held}, {@code not_due} (run_at ahead) and {@code due} (waiting for a worker); empty from
 * a daemon older than protocol 4; from protocol 7 also {@code dependencies} (waiting for jobs
 * they depend on). {@code nodes} (every daemon sharing the store) is empty from a daemon older
 * than protocol 6; {@code queues} lists the queues with their counts (empty before protocol 7).
 */
public record StatusView(String version, int protocol, String node, String store, long pid, Instant startedAt,
                         double uptimeSeconds, String socket, String dataDir, Map<JobState, Long> counts,
                         WorkersView workers, RunStatsView stats, List<LoopView> loops,
                         ContainmentView containment, Map<JobState, Map<String, Long>> waiting,
                         List<NodeView> nodes, List<QueueView> queues) implements JsonWritable {
    /** The keys of each state's entry in {@code waiting}. */
    public static final List<String> WAITING_KINDS = List.of("held", "dependencies", "not_due", "due");

    /** This status with {@code queues} in place of its own. */
    public StatusView withQueues(List<QueueView> queues) {
        return new StatusView(version, protocol, node, store, pid, startedAt, uptimeSeconds, socket, dataDir, counts,
                workers, stats, loops, containment, waiting, nodes, queues);
    }

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
        List<Object> loopList = new ArrayList<>(loops.size());
        for (LoopView l : loops) {
            loopList.add(l.toJson());
        }
        m.put("loops", loopList);
        m.put("containment", containment == null ? null : containment.toJson());
        Map<String, Object> w = new LinkedHashMap<>();
        for (Map.Entry<JobState, Map<String, Long>> e : waiting.entrySet()) {
            w.put(e.getKey().wireName(), e.getValue());
        }
        m.put("waiting", w);
        List<Object> nodeList = new ArrayList<>(nodes.size());
        for (NodeView n : nodes) {
            nodeList.add(n.toJson());
        }
        m.put("nodes", nodeList);
        m.put("queues", QueueList.toJson(queues));
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
        List<LoopView> loops = new ArrayList<>();
        List<?> rawLoops = f.optList("loops");
        if (rawLoops != null) {
            for (Object o : rawLoops) {
                loops.add(LoopView.fromJson(o));
            }
        }
        Map<JobState, Map<String, Long>> waiting = new EnumMap<>(JobState.class);
        Fields w = f.optObject("waiting");
        for (JobState s : List.of(JobState.PENDING, JobState.FAILED)) {
            Fields kinds = w == null ? null : w.optObject(s.wireName());
            if (kinds != null) {
                Map<String, Long> byKind = new LinkedHashMap<>();
                for (String k : WAITING_KINDS) {
                    Long n = kinds.optLong(k, 0, Long.MAX_VALUE);
                    byKind.put(k, n == null ? 0L : n);
                }
                waiting.put(s, byKind);
            }
        }
        List<NodeView> nodes = new ArrayList<>();
        List<?> rawNodes = f.optList("nodes");
        if (rawNodes != null) {
            for (Object o : rawNodes) {
                nodes.add(NodeView.fromJson(o));
            }
        }
        return new StatusView(f.optString("version"), f.optInt("protocol", 0, Integer.MAX_VALUE),
                f.optString("node"), f.optString("store"), f.optLong("pid", 0, Long.MAX_VALUE), f.optInstant("started_at"),
                uptime instanceof Number ? ((Number) uptime).doubleValue() : 0, f.optString("socket"),
                f.optString("data_dir"), counts,
                workers == null ? new WorkersView(0, false, java.util.List.of()) : WorkersView.fromJson(workers),
                RunStatsView.fromJson(f.optRaw("stats")), loops, ContainmentView.fromJson(f.optRaw("containment")),
                waiting, nodes, QueueList.listFromJson(f.optList("queues")));
    }
}

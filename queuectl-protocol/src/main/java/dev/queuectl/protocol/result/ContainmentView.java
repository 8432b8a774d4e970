package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the daemon keeps track of every process of a run, in {@code status}: {@code "cgroup"}
 * (each run in a cgroup of its own under {@code cgroup}) or {@code "marker"} (process group and
 * the run's {@code QUEUECTL_RUN} marker; {@code reason} says why there are no cgroups).
 */
public record ContainmentView(String mechanism, String cgroup, String reason) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mechanism", mechanism);
        m.put("cgroup", cgroup);
        m.put("reason", reason);
        return m;
    }

    public static ContainmentView fromJson(Object json) {
        if (json == null) {
            return null;
        }
        Fields f = Fields.of(json, "containment");
        return new ContainmentView(f.optString("mechanism"), f.optString("cgroup"), f.optString("reason"));
    }
}

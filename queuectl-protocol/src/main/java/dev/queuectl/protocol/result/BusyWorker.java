package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.json.JsonWritable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A worker running a job: which job, which run of it, since when. */
public record BusyWorker(String jobId, int attempt, Instant startedAt, double runningSeconds) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", jobId);
        m.put("attempt", attempt);
        m.put("started_at", Timestamps.format(startedAt));
        m.put("running_for", Math.round(runningSeconds * 1000) / 1000.0);
        return m;
    }

    public static BusyWorker fromJson(Object json) {
        Fields f = Fields.of(json, "worker");
        Object running = f.optScalar("running_for");
        return new BusyWorker(f.optString("job"), f.optInt("attempt", 0, Integer.MAX_VALUE),
                f.optInstant("started_at"), running instanceof Number ? ((Number) running).doubleValue() : 0);
    }
}

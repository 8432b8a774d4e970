package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.json.JsonWritable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a job. {@code number} counts every run, interrupted ones included; {@code outcome}
 * is null while the run is in progress, then one of {@code completed}, {@code failed},
 * {@code timed_out}, {@code interrupted}, {@code cancelled}. {@code node} is the daemon that ran
 * it (null from a daemon of protocol 4 or earlier).
 */
public record AttemptView(int number, Instant startedAt, Instant finishedAt, String outcome, Integer exitCode,
                          String error, String node) implements JsonWritable {

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attempt", number);
        m.put("started_at", Timestamps.format(startedAt));
        m.put("finished_at", Timestamps.format(finishedAt));
        m.put("outcome", outcome);
        m.put("exit_code", exitCode);
        m.put("error", error);
        m.put("node", node);
        return m;
    }

    public static AttemptView fromJson(Object json) {
        Fields f = Fields.of(json, "attempt");
        return new AttemptView(f.optInt("attempt", 0, Integer.MAX_VALUE), f.optInstant("started_at"),
                f.optInstant("finished_at"), f.optString("outcome"),
                f.optInt("exit_code", Integer.MIN_VALUE, Integer.MAX_VALUE), f.optString("error"),
                f.optString("node"));
    }
}

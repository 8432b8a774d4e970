package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many jobs an operation on many jobs touched (dlq retry --all, dlq purge, prune). For prune,
 * {@code kept} counts the jobs old enough to go that were kept because waiting jobs depend on them
 * (0 from a daemon before protocol 5, and for other operations).
 */
public record CountResult(long count, long kept) implements JsonWritable {
    public CountResult(long count) {
        this(count, 0);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        if (kept > 0) {
            m.put("kept", kept);
        }
        return m;
    }

    public static CountResult fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        Long n = f.optLong("count", 0, Long.MAX_VALUE);
        Long kept = f.optLong("kept", 0, Long.MAX_VALUE);
        return new CountResult(n == null ? 0 : n, kept == null ? 0 : kept);
    }
}

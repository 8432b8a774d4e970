package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many jobs an operation on many jobs touched (dlq retry --all, dlq purge, prune). */
public record CountResult(long count) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        return m;
    }

    public static CountResult fromJson(Object json) {
        Long n = Fields.of(json, "result").optLong("count", 0, Long.MAX_VALUE);
        return new CountResult(n == null ? 0 : n);
    }
}

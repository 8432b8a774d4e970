package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Metrics as text in {@code contentType} (the Prometheus text exposition format). */
public record MetricsResult(String contentType, String text) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("content_type", contentType);
        m.put("text", text);
        return m;
    }

    public static MetricsResult fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        return new MetricsResult(f.optString("content_type"), f.optString("text"));
    }

    @Override
    public String toString() {
        return "MetricsResult[" + (text == null ? 0 : text.length()) + " chars]";
    }
}

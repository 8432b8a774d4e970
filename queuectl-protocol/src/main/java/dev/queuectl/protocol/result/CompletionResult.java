package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Candidates for shell completion, in the order to offer them. */
public record CompletionResult(List<String> values) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("values", values);
        return m;
    }

    public static CompletionResult fromJson(Object json) {
        List<String> values = Fields.of(json, "result").optStringList("values");
        return new CompletionResult(values == null ? List.of() : values);
    }
}

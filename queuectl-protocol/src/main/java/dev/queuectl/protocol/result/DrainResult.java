package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The end of a drain: runs that finished on their own, and runs stopped and recorded as interrupted. */
public record DrainResult(int finished, int interrupted) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("finished", finished);
        m.put("interrupted", interrupted);
        return m;
    }

    public static DrainResult fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        Integer finished = f.optInt("finished", 0, Integer.MAX_VALUE);
        Integer interrupted = f.optInt("interrupted", 0, Integer.MAX_VALUE);
        return new DrainResult(finished == null ? 0 : finished, interrupted == null ? 0 : interrupted);
    }
}

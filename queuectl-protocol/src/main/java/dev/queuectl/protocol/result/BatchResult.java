package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ids of a batch's jobs, in the order they were sent; all were stored in one transaction. */
public record BatchResult(List<String> ids) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", ids.size());
        m.put("ids", ids);
        return m;
    }

    public static BatchResult fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        List<String> ids = new ArrayList<>();
        for (Object o : f.requireList("ids")) {
            ids.add(String.valueOf(o));
        }
        return new BatchResult(ids);
    }
}

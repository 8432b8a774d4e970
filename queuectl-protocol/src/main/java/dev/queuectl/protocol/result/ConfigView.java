package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runtime settings, in a fixed order. */
public record ConfigView(List<ConfigEntry> entries) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        List<Object> list = new ArrayList<>(entries.size());
        for (ConfigEntry e : entries) {
            list.add(e.toJson());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", list);
        return m;
    }

    public static ConfigView fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        List<ConfigEntry> entries = new ArrayList<>();
        for (Object o : f.requireList("config")) {
            entries.add(ConfigEntry.fromJson(o));
        }
        return new ConfigView(entries);
    }
}

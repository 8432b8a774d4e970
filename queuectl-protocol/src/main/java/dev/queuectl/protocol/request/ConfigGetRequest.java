package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import java.util.LinkedHashMap;
import java.util.Map;

/** One runtime setting, or all of them when {@code key} is null; each with its default and meaning. */
public record ConfigGetRequest(String key) implements Request {
    static ConfigGetRequest fromJson(Fields f) {
        return new ConfigGetRequest(f.optString("key"));
    }

    @Override
    public Op op() {
        return Op.CONFIG_GET;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (key != null) {
            m.put("key", key);
        }
        return m;
    }
}

package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One runtime setting. {@code value} and {@code defaultValue} are JSON values (numbers, or
 * null for "none"); {@code text} and {@code defaultText} are as a person writes them ({@code 1h}, {@code none}).
 */
public record ConfigEntry(String key, Object value, String text, Object defaultValue, String defaultText,
                          String description)
        implements JsonWritable {

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value);
        m.put("text", text);
        m.put("default", defaultValue);
        m.put("default_text", defaultText);
        m.put("description", description);
        return m;
    }

    public static ConfigEntry fromJson(Object json) {
        Fields f = Fields.of(json, "config entry");
        return new ConfigEntry(f.requireString("key"), f.optScalar("value"), f.optString("text"),
                f.optScalar("default"), f.optString("default_text"), f.optString("description"));
    }
}

package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Change one runtime setting. {@code value} is the text a user typed ({@code "5"}, {@code "30s"},
 * {@code "none"}); on the wire a JSON number is accepted too. The daemon checks type and range.
 */
public record ConfigSetRequest(String key, String value) implements Request {
    public ConfigSetRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    static ConfigSetRequest fromJson(Fields f) {
        String key = f.requireString("key");
        Object v = f.optScalar("value");
        if (v == null) {
            throw ProtocolException.invalid("field 'value' is required");
        }
        if (v instanceof Boolean) {
            throw ProtocolException.invalid("field 'value' must be a string or a number, not a boolean");
        }
        return new ConfigSetRequest(key, String.valueOf(v));
    }

    @Override
    public Op op() {
        return Op.CONFIG_SET;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value);
        return m;
    }
}

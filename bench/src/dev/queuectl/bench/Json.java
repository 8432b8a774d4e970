package dev.queuectl.bench;

import dev.queuectl.protocol.json.JsonSyntaxException;
import java.util.List;
import java.util.Map;

/**
 * The harness's JSON: the protocol module's own parser and writer (the same code the client and
 * daemon use), plus typed views of parsed values for reading responses.
 */
final class Json {
    private Json() {
    }

    /** {@code s} as a JSON string literal. */
    static String quote(String s) {
        return dev.queuectl.protocol.json.Json.toString(s);
    }

    /** Parses one JSON text into {@code Map}, {@code List}, {@code String}, numbers, {@code Boolean} or null. */
    static Object parse(String text) {
        try {
            return dev.queuectl.protocol.json.Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new IllegalStateException("bad JSON from the daemon (" + e.getMessage() + "): " + abbreviate(text), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalStateException(what + " is not a JSON object: " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o, String what) {
        if (!(o instanceof List)) {
            throw new IllegalStateException(what + " is not a JSON array: " + o);
        }
        return (List<Object>) o;
    }

    static long number(Object o, String what) {
        if (!(o instanceof Number)) {
            throw new IllegalStateException(what + " is not a number: " + o);
        }
        return ((Number) o).longValue();
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}

package dev.queuectl.daemon.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of a job's environment and labels in the stores: a JSON object of strings in the
 * map's order (the databases' JSON functions read it too: SQLite for the labels trigger and both
 * for listing variable names). Empty maps are stored as NULL. Errors never quote the text: it
 * may hold secrets. Thread-safe.
 */
public final class JsonMaps {
    /** Parse errors never quote the text: it may hold secrets. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private JsonMaps() {
    }

    /** The JSON text of {@code map} in its order, or null for an empty map. */
    public static String encode(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : map.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** A JSON array of strings, for binding a list of values to {@code json_each(?)}. */
    public static String array(List<?> values) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartArray();
            for (Object v : values) {
                if (v instanceof Long) {
                    g.writeNumber((Long) v);
                } else {
                    g.writeString(String.valueOf(v));
                }
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The map {@link #encode} wrote, in its order; an empty map for null. Values are null in a names-only array. */
    public static Map<String, String> decode(String text) {
        if (text == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    out.put(p.getText(), null);
                }
            } else {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    out.put(key, p.getText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored map is not valid JSON", e);
        }
        return Collections.unmodifiableMap(out);
    }

    public static List<String> names(Map<String, String> map) {
        return new ArrayList<>(map.keySet());
    }
}

package dev.queuectl.protocol;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, strict access to the fields of one JSON object. Every getter names the field in its
 * error, and {@link #finish()} refuses fields nobody asked for, so a typo such as
 * {@code "max_retry"} is an error instead of being silently ignored. Not thread-safe.
 */
public final class Fields {
    private final Map<String, Object> map;
    private final String context;
    private final Set<String> used = new HashSet<>();

    private Fields(Map<String, Object> map, String context) {
        this.map = map;
        this.context = context;
    }

    /** Wraps a parsed JSON value that must be an object; {@code context} prefixes error messages. */
    @SuppressWarnings("unchecked")
    public static Fields of(Object value, String context) {
        if (!(value instanceof Map)) {
            throw ProtocolException.invalid(context + " must be a JSON object, not " + Fields.typeName(value));
        }
        return new Fields((Map<String, Object>) value, context);
    }

    public boolean has(String name) {
        return map.containsKey(name) && map.get(name) != null;
    }

    private Object take(String name) {
        used.add(name);
        return map.get(name);
    }

    private ProtocolException wrongType(String name, String expected, Object value) {
        return ProtocolException.invalid(where(name) + " must be " + expected + ", not " + typeName(value));
    }

    private String where(String name) {
        return context.isEmpty() ? "field '" + name + "'" : context + " field '" + name + "'";
    }

    public String requireString(String name) {
        String s = optString(name);
        if (s == null) {
            throw ProtocolException.invalid(where(name) + " is required");
        }
        return s;
    }

    public String optString(String name) {
        Object v = take(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String)) {
            throw wrongType(name, "a string", v);
        }
        return (String) v;
    }

    public Long optLong(String name, long min, long max) {
        Object v = take(name);
        if (v == null) {
            return null;
        }
        if (v instanceof BigInteger) {
            throw ProtocolException.invalid(where(name) + " must be between " + min + " and " + max);
        }
        if (!(v instanceof Long)) {
            throw wrongType(name, "an integer", v);
        }
        long l = (Long) v;
        if (l < min || l > max) {
            throw ProtocolException.invalid(where(name) + " must be between " + min + " and " + max + ", not " + l);
        }
        return l;
    }

    public Integer optInt(String name, int min, int max) {
        Long l = optLong(name, min, max);
        return l == null ? null : l.intValue();
    }

    public boolean optBoolean(String name, boolean fallback) {
        Object v = take(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean)) {
            throw wrongType(name, "true or false", v);
        }
        return (Boolean) v;
    }

    /** An ISO-8601 timestamp with a zone offset, for example {@code 2026-11-23T10:00:00Z}. */
    public Instant optInstant(String name) {
        Object v = take(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String)) {
            throw wrongType(name, "an ISO-8601 timestamp string", v);
        }
        try {
            return Timestamps.parse((String) v);
        } catch (IllegalArgumentException e) {
            throw ProtocolException.invalid(where(name) + ": " + e.getMessage());
        }
    }

    /**
     * A duration: a number of seconds ({@code 30}, {@code 1.5}) or a string such as {@code "90s"}
     * or {@code "1h30m"}, anywhere from 0 to {@link Durations#MAX}. Requests check their fields
     * with {@link #optDuration(String, DurationRule)}; this is for reading results.
     */
    public Duration optDuration(String name) {
        return optDuration(name, null);
    }

    /** A duration within {@code rule}; the error names the field and the rule's range. */
    public Duration optDuration(String name, DurationRule rule) {
        Object v = take(name);
        if (v == null) {
            return null;
        }
        Duration d;
        String shown;
        try {
            if (v instanceof Long) {
                d = Durations.ofSeconds((long) (Long) v);
                shown = v.toString();
            } else if (v instanceof Double) {
                d = Durations.ofSeconds((double) (Double) v);
                shown = v.toString();
            } else if (v instanceof BigInteger) {
                throw new IllegalArgumentException("'" + v + "' is longer than " + Durations.MAX.toDays()
                        + "d, the longest duration queuectl accepts");
            } else if (v instanceof String) {
                d = Durations.parse((String) v);
                shown = "\"" + v + "\"";
            } else {
                throw wrongType(name, "a number of seconds or a duration string like \"30s\"", v);
            }
        } catch (IllegalArgumentException e) {
            throw ProtocolException.invalid(where(name) + ": " + e.getMessage()
                    + (rule == null ? "" : "; expected a duration from " + rule.range()));
        }
        return rule == null ? d : rule.check(where(name), d, shown);
    }

    /** A scalar (string, number or boolean), for values whose type depends on another field. */
    public Object optScalar(String name) {
        Object v = take(name);
        if (v instanceof Map || v instanceof List) {
            throw wrongType(name, "a string or a number", v);
        }
        return v;
    }

    public List<?> requireList(String name) {
        Object v = take(name);
        if (v == null) {
            throw ProtocolException.invalid(where(name) + " is required");
        }
        if (!(v instanceof List)) {
            throw wrongType(name, "an array", v);
        }
        return (List<?>) v;
    }

    public List<?> optList(String name) {
        Object v = take(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List)) {
            throw wrongType(name, "an array", v);
        }
        return (List<?>) v;
    }

    /** An object whose values are all strings, in the order given; null when absent. */
    public Map<String, String> optStringMap(String name) {
        Object v = take(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            throw wrongType(name, "an object of strings", v);
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw ProtocolException.invalid(where(name) + ": the value of '" + e.getKey() + "' must be a string, not "
                        + typeName(e.getValue()));
            }
            out.put((String) e.getKey(), (String) e.getValue());
        }
        return out;
    }

    /** An array of strings; null when absent. */
    public List<String> optStringList(String name) {
        List<?> raw = optList(name);
        if (raw == null) {
            return null;
        }
        List<String> out = new java.util.ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String)) {
                throw ProtocolException.invalid(where(name) + "[" + i + "] must be a string, not " + typeName(raw.get(i)));
            }
            out.add((String) raw.get(i));
        }
        return out;
    }

    /** A string, or an array of strings (a field that once took one value and now takes several); null when absent. */
    public List<String> optOneOrMore(String name) {
        Object v = map.get(name);
        if (v instanceof String) {
            take(name);
            return List.of((String) v);
        }
        return optStringList(name);
    }

    public Fields optObject(String name) {
        Object v = take(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            throw wrongType(name, "an object", v);
        }
        return of(v, context.isEmpty() ? name : context + "." + name);
    }

    /** The field's parsed JSON value as is, or null. */
    public Object optRaw(String name) {
        return take(name);
    }

    /** Marks a field as known without reading it (for example the envelope's {@code op}). */
    public void ignore(String name) {
        used.add(name);
    }

    /** Refuses any field that no getter asked for. */
    public void finish() {
        if (used.containsAll(map.keySet())) {
            return;
        }
        Set<String> unknown = new TreeSet<>(map.keySet());
        unknown.removeAll(used);
        String list = String.join("', '", unknown);
        throw ProtocolException.invalid((unknown.size() == 1 ? "unknown field '" : "unknown fields '") + list
                + "'" + (context.isEmpty() ? "" : " in " + context));
    }

    /** Describes the JSON type of a parsed value, for error messages. */
    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return "an integer";
        }
        if (v instanceof Number) {
            return "a decimal number";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return v.getClass().getSimpleName();
    }
}

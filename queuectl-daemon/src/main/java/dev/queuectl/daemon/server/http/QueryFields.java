package dev.queuectl.daemon.server.http;

import dev.queuectl.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Query parameters as protocol fields: a parameter is the field of the same name, typed by the
 * field (whole numbers, true/false, lists), so the protocol's own decoder checks them and a
 * field the protocol gains is a parameter at once. A repeated parameter is a list. Stateless.
 */
final class QueryFields {
    /** Fields that hold whole numbers. */
    private static final Set<String> INTEGERS = Set.of("limit", "attempt", "offset", "count", "max_retries",
            "priority");
    /** Fields that hold true or false. */
    private static final Set<String> BOOLEANS = Set.of("newest_first", "wait", "all", "read_only", "show_env",
            "dry_run");
    /** Fields that hold a list even when given once. */
    private static final Set<String> LISTS = Set.of("labels");

    private QueryFields() {
    }

    /** The request's query parameters as a JSON-like map of fields. */
    static Map<String, Object> of(Exchange x) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : x.query.entrySet()) {
            String name = e.getKey();
            List<String> values = e.getValue();
            if (values.size() > 1 || LISTS.contains(name)) {
                List<Object> typed = new java.util.ArrayList<>(values.size());
                for (String v : values) {
                    typed.add(typed(name, v));
                }
                fields.put(name, typed);
            } else {
                fields.put(name, typed(name, values.get(0)));
            }
        }
        return fields;
    }

    private static Object typed(String name, String value) {
        if (INTEGERS.contains(name)) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw ProtocolException.invalid("parameter '" + name + "' must be a whole number, not '"
                        + Printable.of(value, 40) + "'");
            }
        }
        if (BOOLEANS.contains(name)) {
            if (value.equals("true") || value.equals("1") || value.isEmpty()) {
                return Boolean.TRUE;
            }
            if (value.equals("false") || value.equals("0")) {
                return Boolean.FALSE;
            }
            throw ProtocolException.invalid("parameter '" + name + "' must be true or false");
        }
        return value;
    }

    static Integer optInt(Exchange x, String name, int min, int max) {
        Long l = optLong(x, name, min, max);
        return l == null ? null : l.intValue();
    }

    static Long optLong(Exchange x, String name, long min, long max) {
        String v = x.param(name);
        if (v == null) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ProtocolException.invalid("parameter '" + name + "' must be a whole number");
        }
        if (n < min || n > max) {
            throw ProtocolException.invalid("parameter '" + name + "' must be between " + min + " and " + max);
        }
        return n;
    }
}

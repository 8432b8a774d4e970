package dev.queuectl.daemon.server.http;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this daemon's protocol can do, found by asking the protocol itself rather than by version
 * numbers: every op's wire name, and which optional fields of {@code list} its decoder takes (a
 * field it does not know is refused). The pages show a button or a filter only when it works.
 * Computed once; immutable.
 */
final class Capabilities {
    /** Optional list fields the pages can use, each with a value that is valid when the field is known. */
    private static final Map<String, Object> LIST_PROBES = probes();

    static final List<String> OPS = ops();
    static final List<String> LIST_FIELDS = listFields();

    private Capabilities() {
    }

    private static Map<String, Object> probes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search", "x");
        m.put("labels", List.of("key=value"));
        m.put("since", "2026-01-01T00:00:00Z");
        m.put("until", "2026-01-01T00:00:00Z");
        m.put("cursor", "abc");
        return m;
    }

    private static List<String> ops() {
        List<String> out = new ArrayList<>();
        for (Op op : Op.values()) {
            out.add(op.wireName());
        }
        return Collections.unmodifiableList(out);
    }

    private static List<String> listFields() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> probe : LIST_PROBES.entrySet()) {
            if (accepts(Op.LIST, Map.of(probe.getKey(), probe.getValue()))) {
                out.add(probe.getKey());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the op's decoder takes these fields. */
    private static boolean accepts(Op op, Map<String, Object> fields) {
        try {
            op.decode(Fields.of(new LinkedHashMap<>(fields), ""));
            return true;
        } catch (ProtocolException e) {
            return false; // a field this daemon's op does not know (or a value that does not fit it)
        }
    }
}

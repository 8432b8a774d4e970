package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A job at the other end of a dependency, as {@code show} lists it: its id and state. Immutable. */
public record DependencyView(String id, JobState state) {

    static List<Object> toJson(List<DependencyView> views) {
        List<Object> out = new ArrayList<>(views.size());
        for (DependencyView v : views) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.id());
            m.put("state", v.state().wireName());
            out.add(m);
        }
        return out;
    }

    /** Null for null (a list that was not sent). */
    static List<DependencyView> listFromJson(List<?> raw) {
        if (raw == null) {
            return null;
        }
        List<DependencyView> out = new ArrayList<>(raw.size());
        for (Object o : raw) {
            Fields f = Fields.of(o, "dependency");
            out.add(new DependencyView(f.optString("id"), JobState.parse(f.requireString("state"))));
        }
        return out;
    }
}

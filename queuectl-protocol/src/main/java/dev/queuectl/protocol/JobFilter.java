package dev.queuectl.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which jobs a listing or a bulk action is about; every condition given must hold. Empty: every
 * job. On the wire: {@code state} (a state or an array of states), {@code labels} (an array of
 * {@code "key=value"}, or {@code "key"} for any value), {@code search} (text in the id or the
 * command, ASCII case ignored), {@code since} and {@code until} (created at or after, before).
 * Validated on construction; immutable.
 */
public record JobFilter(Set<JobState> states, List<String> labels, String search, Instant since, Instant until) {
    public static final int MAX_SEARCH_LENGTH = 200;
    public static final JobFilter ALL = new JobFilter(null, null, null, null, null);

    public JobFilter {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (labels.size() > Labels.MAX_LABELS) {
            throw ProtocolException.invalid("a filter may name at most " + Labels.MAX_LABELS + " labels");
        }
        for (String l : labels) {
            Labels.parseMatch("label filter", l);
        }
        if (search != null) {
            if (search.isEmpty() || search.length() > MAX_SEARCH_LENGTH) {
                throw ProtocolException.invalid("the search text must be 1 to " + MAX_SEARCH_LENGTH + " characters");
            }
            if (search.indexOf('\0') >= 0) {
                throw ProtocolException.invalid("the search text must not contain NUL characters");
            }
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw ProtocolException.invalid("'since' must be before 'until'");
        }
    }

    /** Only jobs in one state, the filter of the first protocol versions. */
    public static JobFilter ofState(JobState state) {
        return state == null ? ALL : new JobFilter(Set.of(state), null, null, null, null);
    }

    public boolean isEmpty() {
        return states.isEmpty() && labels.isEmpty() && search == null && since == null && until == null;
    }

    /** The label conditions as key → value (null: any value). */
    public Map<String, String> labelMatches() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : labels) {
            Map.Entry<String, String> e = Labels.parseMatch("label filter", l);
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    /** Reads the filter's fields from {@code f} (the request itself for list, the {@code filter} object otherwise). */
    public static JobFilter fromJson(Fields f) {
        List<String> stateNames = f.optOneOrMore("state");
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        if (stateNames != null) {
            for (String s : stateNames) {
                states.add(JobState.parse(s));
            }
        }
        return new JobFilter(states, f.optStringList("labels"), f.optString("search"), f.optInstant("since"),
                f.optInstant("until"));
    }

    /** The filter's fields as they go on the wire; absent conditions are left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!states.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (JobState s : JobState.values()) {
                if (states.contains(s)) {
                    names.add(s.wireName());
                }
            }
            m.put("state", names.size() == 1 ? names.get(0) : names);
        }
        if (!labels.isEmpty()) {
            m.put("labels", labels);
        }
        if (search != null) {
            m.put("search", search);
        }
        if (since != null) {
            m.put("since", Timestamps.format(since));
        }
        if (until != null) {
            m.put("until", Timestamps.format(until));
        }
        return m;
    }
}

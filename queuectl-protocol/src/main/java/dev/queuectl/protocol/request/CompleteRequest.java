package dev.queuectl.protocol.request;

import dev.queuectl.protocol.CompletionKind;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.ProtocolException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Candidates for shell completion: names of one {@link CompletionKind} starting with
 * {@code prefix}, at most {@code limit}; job ids are the most recent first and may be limited to
 * some {@code state}s. Answered with {@code {"values": [...]}}. Cheap by design: it reads indexes
 * only, a bounded number of entries.
 */
public record CompleteRequest(CompletionKind kind, String prefix, Set<JobState> states, int limit)
        implements Request {
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public CompleteRequest {
        Objects.requireNonNull(kind, "kind");
        prefix = prefix == null ? "" : prefix;
        if (prefix.length() > 128) {
            throw ProtocolException.invalid("field 'prefix' must be at most 128 characters");
        }
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(states);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProtocolException.invalid("field 'limit' must be between 1 and " + MAX_LIMIT);
        }
    }

    static CompleteRequest fromJson(Fields f) {
        CompletionKind kind = CompletionKind.parse(f.requireString("kind"));
        List<String> names = f.optOneOrMore("state");
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        if (names != null) {
            for (String s : names) {
                states.add(JobState.parse(s));
            }
        }
        Integer limit = f.optInt("limit", 1, MAX_LIMIT);
        return new CompleteRequest(kind, f.optString("prefix"), states, limit == null ? DEFAULT_LIMIT : limit);
    }

    @Override
    public Op op() {
        return Op.COMPLETE;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.wireName());
        if (!prefix.isEmpty()) {
            m.put("prefix", prefix);
        }
        if (!states.isEmpty()) {
            List<String> names = new java.util.ArrayList<>();
            for (JobState s : JobState.values()) {
                if (states.contains(s)) {
                    names.add(s.wireName());
                }
            }
            m.put("state", names);
        }
        m.put("limit", limit);
        return m;
    }
}

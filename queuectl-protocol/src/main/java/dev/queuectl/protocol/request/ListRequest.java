package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jobs in enqueue order (oldest first, or newest first), optionally only those in one state,
 * at most {@code limit} of them.
 */
public record ListRequest(JobState state, int limit, boolean newestFirst) implements Request {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;

    public ListRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProtocolException.invalid("field 'limit' must be between 1 and " + MAX_LIMIT);
        }
    }

    static ListRequest fromJson(Fields f) {
        String state = f.optString("state");
        Integer limit = f.optInt("limit", 1, MAX_LIMIT);
        boolean newest = f.optBoolean("newest_first", false);
        return new ListRequest(state == null ? null : JobState.parse(state),
                limit == null ? DEFAULT_LIMIT : limit, newest);
    }

    @Override
    public Op op() {
        return Op.LIST;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (state != null) {
            m.put("state", state.wireName());
        }
        m.put("limit", limit);
        if (newestFirst) {
            m.put("newest_first", true);
        }
        return m;
    }
}

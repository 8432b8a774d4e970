package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobFilter;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Jobs in enqueue order (oldest first, or newest first) that match a filter, at most
 * {@code limit} of them, from where {@code cursor} (the {@code next} of the previous page) left
 * off. The filter's fields sit beside {@code op} (see {@link JobFilter}).
 */
public record ListRequest(JobFilter filter, int limit, boolean newestFirst, String cursor) implements Request {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;
    /** What a cursor may look like: the daemon makes them, clients only hand them back. */
    public static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    public ListRequest {
        Objects.requireNonNull(filter, "filter");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProtocolException.invalid("field 'limit' must be between 1 and " + MAX_LIMIT);
        }
        if (cursor != null && !CURSOR.matcher(cursor).matches()) {
            throw ProtocolException.invalid("field 'cursor' is not a cursor this daemon made;"
                    + " pass back the 'next' of the previous page unchanged");
        }
    }

    /** Jobs of one state or of all, the listing of the first protocol versions. */
    public ListRequest(JobState state, int limit, boolean newestFirst) {
        this(JobFilter.ofState(state), limit, newestFirst, null);
    }

    static ListRequest fromJson(Fields f) {
        JobFilter filter = JobFilter.fromJson(f);
        Integer limit = f.optInt("limit", 1, MAX_LIMIT);
        boolean newest = f.optBoolean("newest_first", false);
        return new ListRequest(filter, limit == null ? DEFAULT_LIMIT : limit, newest, f.optString("cursor"));
    }

    @Override
    public Op op() {
        return Op.LIST;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>(filter.toJson());
        m.put("limit", limit);
        if (newestFirst) {
            m.put("newest_first", true);
        }
        if (cursor != null) {
            m.put("cursor", cursor);
        }
        return m;
    }
}

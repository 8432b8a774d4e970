package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web dashboard's login link: a URL carrying the read-write token (or, with
 * {@code readOnly}, the read-only one). With {@code rotate}, both tokens are replaced first, so
 * every earlier link, session cookie and API token stops working.
 */
public record DashboardRequest(boolean readOnly, boolean rotate) implements Request {
    static DashboardRequest fromJson(Fields f) {
        return new DashboardRequest(f.optBoolean("read_only", false), f.optBoolean("rotate", false));
    }

    @Override
    public Op op() {
        return Op.DASHBOARD;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (readOnly) {
            m.put("read_only", true);
        }
        if (rotate) {
            m.put("rotate", true);
        }
        return m;
    }
}

package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the web dashboard is and how to log in: {@code url} is the login link, token included
 * (a secret: whoever has it has the session's rights); {@code base} the address without it.
 * {@code rotated} says the tokens were just replaced. Immutable; {@link #toString()} leaves the
 * token out.
 */
public record DashboardLink(String url, String base, boolean readOnly, boolean rotated) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("base", base);
        m.put("read_only", readOnly);
        m.put("rotated", rotated);
        return m;
    }

    public static DashboardLink fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        return new DashboardLink(f.optString("url"), f.optString("base"), f.optBoolean("read_only", false),
                f.optBoolean("rotated", false));
    }

    @Override
    public String toString() {
        return "DashboardLink[" + base + (readOnly ? ", read-only" : ", read-write") + "]";
    }
}

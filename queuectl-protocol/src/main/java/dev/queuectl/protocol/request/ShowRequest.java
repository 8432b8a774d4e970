package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One job with every field and its attempt history. Its environment is listed by name only,
 * unless {@code show_env} asks for the values too.
 */
public record ShowRequest(String id, boolean showEnv) implements Request {
    public ShowRequest {
        JobSpec.validateId(id);
    }

    public ShowRequest(String id) {
        this(id, false);
    }

    static ShowRequest fromJson(Fields f) {
        return new ShowRequest(f.requireString("id"), f.optBoolean("show_env", false));
    }

    @Override
    public Op op() {
        return Op.SHOW;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (showEnv) {
            m.put("show_env", true);
        }
        return m;
    }
}

package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** One job with every field and its attempt history. */
public record ShowRequest(String id) implements Request {
    public ShowRequest {
        JobSpec.validateId(id);
    }

    static ShowRequest fromJson(Fields f) {
        return new ShowRequest(f.requireString("id"));
    }

    @Override
    public Op op() {
        return Op.SHOW;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        return m;
    }
}

package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import java.util.Map;

/** Counts per state, the daemon's identity and its workers. */
public record StatusRequest() implements Request {
    static StatusRequest fromJson(Fields f) {
        return new StatusRequest();
    }

    @Override
    public Op op() {
        return Op.STATUS;
    }

    @Override
    public Map<String, Object> body() {
        return Map.of();
    }
}

package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.QueueNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Deletes a queue that has no jobs; INVALID_STATE while it has some. */
public record QueueRemoveRequest(String name) implements Request {
    public QueueRemoveRequest {
        QueueNames.check("field 'name'", Objects.requireNonNull(name, "name"));
    }

    static QueueRemoveRequest fromJson(Fields f) {
        return new QueueRemoveRequest(f.requireString("name"));
    }

    @Override
    public Op op() {
        return Op.QUEUE_REMOVE;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        return m;
    }
}

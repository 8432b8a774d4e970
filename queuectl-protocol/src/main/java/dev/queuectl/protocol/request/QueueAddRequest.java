package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.QueueNames;
import dev.queuectl.protocol.QueueSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Creates a queue with settings of its own; refused (DUPLICATE_ID) if it exists. */
public record QueueAddRequest(String name, QueueSettings settings) implements Request {
    public QueueAddRequest {
        QueueNames.check("field 'name'", Objects.requireNonNull(name, "name"));
        settings = settings == null ? QueueSettings.NONE : settings;
    }

    static QueueAddRequest fromJson(Fields f) {
        return new QueueAddRequest(f.requireString("name"), QueueSettings.fromJson(f));
    }

    @Override
    public Op op() {
        return Op.QUEUE_ADD;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.putAll(settings.toJson());
        return m;
    }
}

package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.QueueNames;
import dev.queuectl.protocol.QueueSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Changes an existing queue's settings; NOT_FOUND if it does not exist. */
public record QueueSetRequest(String name, QueueSettings settings) implements Request {
    public QueueSetRequest {
        QueueNames.check("field 'name'", Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(settings, "settings");
    }

    static QueueSetRequest fromJson(Fields f) {
        return new QueueSetRequest(f.requireString("name"), QueueSettings.fromJson(f));
    }

    @Override
    public Op op() {
        return Op.QUEUE_SET;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.putAll(settings.toJson());
        return m;
    }
}

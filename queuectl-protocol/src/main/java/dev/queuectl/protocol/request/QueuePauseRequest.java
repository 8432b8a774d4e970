package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.QueueNames;
import dev.queuectl.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Pauses queues: none of their jobs is claimed until resumed; running ones finish. All or none: NOT_FOUND names an unknown queue. */
public record QueuePauseRequest(List<String> names) implements Request {
    public QueuePauseRequest {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        if (names.isEmpty()) {
            throw ProtocolException.invalid("field 'names' must name at least one queue");
        }
        for (String n : names) {
            QueueNames.check("field 'names'", n);
        }
    }

    static QueuePauseRequest fromJson(Fields f) {
        List<String> names = f.optOneOrMore("names");
        if (names == null) {
            throw ProtocolException.invalid("field 'names' is required");
        }
        return new QueuePauseRequest(names);
    }

    @Override
    public Op op() {
        return Op.QUEUE_PAUSE;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("names", names);
        return m;
    }
}

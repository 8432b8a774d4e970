package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import java.util.Map;

/** Every queue with its settings and job counts. */
public record QueueListRequest() implements Request {

    static QueueListRequest fromJson(Fields f) {
        return new QueueListRequest();
    }

    @Override
    public Op op() {
        return Op.QUEUE_LIST;
    }

    @Override
    public Map<String, Object> body() {
        return Map.of();
    }
}

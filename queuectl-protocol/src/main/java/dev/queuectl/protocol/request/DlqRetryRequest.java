package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import java.util.Map;

/** Moves a dead job (or every dead job) back to pending, attempts reset, history kept. */
public record DlqRetryRequest(String id, boolean all) implements Request {
    public DlqRetryRequest {
        new IdOrAll(id, all);
    }

    static DlqRetryRequest fromJson(Fields f) {
        IdOrAll t = IdOrAll.fromJson(f);
        return new DlqRetryRequest(t.id(), t.all());
    }

    @Override
    public Op op() {
        return Op.DLQ_RETRY;
    }

    @Override
    public Map<String, Object> body() {
        return new IdOrAll(id, all).toJson();
    }
}

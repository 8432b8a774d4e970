package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import java.util.Map;

/** Deletes a dead job (or every dead job) with its history and output. */
public record DlqPurgeRequest(String id, boolean all) implements Request {
    public DlqPurgeRequest {
        new IdOrAll(id, all);
    }

    static DlqPurgeRequest fromJson(Fields f) {
        IdOrAll t = IdOrAll.fromJson(f);
        return new DlqPurgeRequest(t.id(), t.all());
    }

    @Override
    public Op op() {
        return Op.DLQ_PURGE;
    }

    @Override
    public Map<String, Object> body() {
        return new IdOrAll(id, all).toJson();
    }
}

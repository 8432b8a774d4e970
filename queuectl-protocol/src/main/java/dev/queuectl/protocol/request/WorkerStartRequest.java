package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resumes taking jobs; {@code count} (optional) also sets the pool size. Answered with the pool. */
public record WorkerStartRequest(Integer count) implements Request {
    public WorkerStartRequest {
        if (count != null && (count < 1 || count > 256)) {
            throw ProtocolException.invalid("field 'count' must be between 1 and 256");
        }
    }

    static WorkerStartRequest fromJson(Fields f) {
        return new WorkerStartRequest(f.optInt("count", 1, 256));
    }

    @Override
    public Op op() {
        return Op.WORKER_START;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (count != null) {
            m.put("count", count);
        }
        return m;
    }
}

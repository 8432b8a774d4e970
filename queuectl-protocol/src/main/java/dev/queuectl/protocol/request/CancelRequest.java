package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cancels a job: a pending or failed job becomes dead ("cancelled"); a running job's process
 * group is terminated (TERM, then KILL) and then it becomes dead. Answered with the job.
 */
public record CancelRequest(String id) implements Request {
    public CancelRequest {
        JobSpec.validateId(id);
    }

    static CancelRequest fromJson(Fields f) {
        return new CancelRequest(f.requireString("id"));
    }

    @Override
    public Op op() {
        return Op.CANCEL;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        return m;
    }
}

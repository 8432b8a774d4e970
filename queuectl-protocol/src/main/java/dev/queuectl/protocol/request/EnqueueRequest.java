package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Enqueue one job; the job's fields sit beside {@code op}. Answered with the new job's view and
 * {@code "existed": false}. With {@code if_absent} (and an id), an existing job of that id is
 * not an error: the answer is that job, untouched, with {@code "existed": true}.
 */
public record EnqueueRequest(JobSpec job, boolean ifAbsent) implements Request {
    public EnqueueRequest {
        Objects.requireNonNull(job, "job");
        if (ifAbsent && job.id() == null) {
            throw ProtocolException.invalid("'if_absent' needs an 'id': without one every job is new");
        }
    }

    public EnqueueRequest(JobSpec job) {
        this(job, false);
    }

    static EnqueueRequest fromJson(Fields f) {
        boolean ifAbsent = f.optBoolean("if_absent", false);
        return new EnqueueRequest(JobSpec.fromJson(f), ifAbsent);
    }

    @Override
    public Op op() {
        return Op.ENQUEUE;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>(job.toJson());
        if (ifAbsent) {
            m.put("if_absent", true);
        }
        return m;
    }
}

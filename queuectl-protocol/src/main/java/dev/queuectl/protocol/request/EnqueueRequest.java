package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import java.util.Map;
import java.util.Objects;

/** Enqueue one job; the job's fields sit beside {@code op}. Answered with the new job's view. */
public record EnqueueRequest(JobSpec job) implements Request {
    public EnqueueRequest {
        Objects.requireNonNull(job, "job");
    }

    static EnqueueRequest fromJson(Fields f) {
        return new EnqueueRequest(JobSpec.fromJson(f));
    }

    @Override
    public Op op() {
        return Op.ENQUEUE;
    }

    @Override
    public Map<String, Object> body() {
        return job.toJson();
    }
}

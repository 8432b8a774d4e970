package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enqueue many jobs in one transaction: either all are stored or none is. Answered with their
 * ids in request order.
 */
public record EnqueueBatchRequest(List<JobSpec> jobs) implements Request {
    public static final int MAX_JOBS = 10_000;

    public EnqueueBatchRequest {
        jobs = List.copyOf(jobs);
        if (jobs.isEmpty()) {
            throw ProtocolException.invalid("field 'jobs' must hold at least one job");
        }
        if (jobs.size() > MAX_JOBS) {
            throw ProtocolException.invalid("field 'jobs' holds " + jobs.size() + " jobs; send at most "
                    + MAX_JOBS + " per request");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            String id = jobs.get(i).id();
            if (id != null && !seen.add(id)) {
                throw ProtocolException.invalid("jobs[" + i + "]: id '" + id + "' appears twice in the batch");
            }
        }
    }

    static EnqueueBatchRequest fromJson(Fields f) {
        List<?> raw = f.requireList("jobs");
        List<JobSpec> specs = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            try {
                specs.add(JobSpec.fromJson(Fields.of(raw.get(i), "job")));
            } catch (ProtocolException e) {
                throw new ProtocolException(e.code(), "jobs[" + i + "]: " + e.getMessage());
            }
        }
        return new EnqueueBatchRequest(specs);
    }

    @Override
    public Op op() {
        return Op.ENQUEUE_BATCH;
    }

    @Override
    public Map<String, Object> body() {
        List<Object> list = new ArrayList<>(jobs.size());
        for (JobSpec j : jobs) {
            list.add(j.toJson());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobs", list);
        return m;
    }
}

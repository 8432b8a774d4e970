package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chunk of one run's output, from byte {@code offset}. {@code attempt} null means the latest
 * run. With {@code wait}, the daemon holds the answer (up to about ten seconds) until there is
 * new output or the run has ended; and when the run has not started yet (the job has not run, or
 * {@code attempt} is the run after its latest), until it starts or the job ends. That is how
 * {@code logs --follow} streams a job's runs one after the other.
 */
public record LogsRequest(String id, Integer attempt, long offset, boolean waitForData) implements Request {
    public LogsRequest {
        JobSpec.validateId(id);
        if (attempt != null && attempt < 1) {
            throw ProtocolException.invalid("field 'attempt' must be 1 or more, not " + attempt);
        }
        if (offset < 0) {
            throw ProtocolException.invalid("field 'offset' must be 0 or more, not " + offset);
        }
    }

    static LogsRequest fromJson(Fields f) {
        String id = f.requireString("id");
        Integer attempt = f.optInt("attempt", 1, Integer.MAX_VALUE);
        Long offset = f.optLong("offset", 0, Long.MAX_VALUE);
        return new LogsRequest(id, attempt, offset == null ? 0 : offset, f.optBoolean("wait", false));
    }

    @Override
    public Op op() {
        return Op.LOGS;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (attempt != null) {
            m.put("attempt", attempt);
        }
        m.put("offset", offset);
        if (waitForData) {
            m.put("wait", true);
        }
        return m;
    }
}

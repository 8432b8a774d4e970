package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.TimeRules;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Waits until a job is completed or dead, or until {@code timeout} (null: no limit; 0: answer at
 * once with the job as it is), within {@link TimeRules#WAIT_TIMEOUT}.
 */
public record WaitRequest(String id, Duration timeout) implements Request {
    public WaitRequest {
        JobSpec.validateId(id);
        if (timeout != null) {
            TimeRules.WAIT_TIMEOUT.check("field 'timeout'", timeout);
        }
    }

    static WaitRequest fromJson(Fields f) {
        return new WaitRequest(f.requireString("id"), f.optDuration("timeout", TimeRules.WAIT_TIMEOUT));
    }

    @Override
    public Op op() {
        return Op.WAIT;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (timeout != null) {
            m.put("timeout", Durations.toWire(timeout));
        }
        return m;
    }
}

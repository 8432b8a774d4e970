package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.TimeRules;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shuts the daemon down gracefully: stop claiming, let running jobs finish for up to
 * {@code timeout} (null: the daemon's drain-timeout), then stop the rest and record them as
 * interrupted. Answered when the jobs are done, just before the daemon exits. The timeout is
 * within {@link TimeRules#DRAIN_TIMEOUT}.
 */
public record DrainRequest(Duration timeout) implements Request {
    public DrainRequest {
        if (timeout != null) {
            TimeRules.DRAIN_TIMEOUT.check("field 'timeout'", timeout);
        }
    }

    static DrainRequest fromJson(Fields f) {
        return new DrainRequest(f.optDuration("timeout", TimeRules.DRAIN_TIMEOUT));
    }

    @Override
    public Op op() {
        return Op.DRAIN;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (timeout != null) {
            m.put("timeout", Durations.toWire(timeout));
        }
        return m;
    }
}

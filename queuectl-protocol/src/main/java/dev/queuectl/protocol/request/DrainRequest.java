package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.Fields;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shuts the daemon down gracefully: stop claiming, let running jobs finish for up to
 * {@code timeout} (null: the daemon's drain-timeout), then stop the rest and record them as
 * interrupted. Answered when the jobs are done, just before the daemon exits.
 */
public record DrainRequest(Duration timeout) implements Request {
    static DrainRequest fromJson(Fields f) {
        return new DrainRequest(f.optDuration("timeout"));
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

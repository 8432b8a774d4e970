package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import java.util.Map;

/** The daemon's metrics in the Prometheus text format. */
public record MetricsRequest() implements Request {
    static MetricsRequest fromJson(Fields f) {
        return new MetricsRequest();
    }

    @Override
    public Op op() {
        return Op.METRICS;
    }

    @Override
    public Map<String, Object> body() {
        return Map.of();
    }
}

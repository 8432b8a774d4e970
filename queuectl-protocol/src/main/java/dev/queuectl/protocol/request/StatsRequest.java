package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import java.util.Map;

/**
 * Run statistics over time, for charts: this node's runs per minute over the last hour and per
 * hour over the last day, with queue wait and run time percentiles (see
 * {@link dev.queuectl.protocol.result.RunHistoryView}).
 */
public record StatsRequest() implements Request {
    static StatsRequest fromJson(Fields f) {
        return new StatsRequest();
    }

    @Override
    public Op op() {
        return Op.STATS;
    }

    @Override
    public Map<String, Object> body() {
        return Map.of();
    }
}

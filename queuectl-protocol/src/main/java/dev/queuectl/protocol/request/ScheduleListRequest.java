package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import java.util.Map;

/** Every schedule: its rule, next and last fire time, and its latest firing's job state. */
public record ScheduleListRequest() implements Request {
    static ScheduleListRequest fromJson(Fields f) {
        return new ScheduleListRequest();
    }

    @Override
    public Op op() {
        return Op.SCHEDULE_LIST;
    }

    @Override
    public Map<String, Object> body() {
        return Map.of();
    }
}

package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.ScheduleSpec;
import java.util.Map;
import java.util.Objects;

/** Creates a recurring schedule; DUPLICATE_ID if one has the name, INVALID_ARGUMENT for a bad expression or zone. */
public record ScheduleAddRequest(ScheduleSpec schedule) implements Request {
    public ScheduleAddRequest {
        Objects.requireNonNull(schedule, "schedule");
    }

    static ScheduleAddRequest fromJson(Fields f) {
        return new ScheduleAddRequest(ScheduleSpec.fromJson(f));
    }

    @Override
    public Op op() {
        return Op.SCHEDULE_ADD;
    }

    @Override
    public Map<String, Object> body() {
        return schedule.toJson();
    }
}

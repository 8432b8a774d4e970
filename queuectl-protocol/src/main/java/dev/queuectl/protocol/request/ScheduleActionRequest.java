package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.ScheduleSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An op on one schedule by name: {@code schedule_show}, {@code schedule_pause},
 * {@code schedule_resume}, {@code schedule_remove} or {@code schedule_run} (fire now, once).
 * NOT_FOUND for an unknown schedule.
 */
public record ScheduleActionRequest(Op op, String name) implements Request {
    public ScheduleActionRequest {
        Objects.requireNonNull(op, "op");
        if (op != Op.SCHEDULE_SHOW && op != Op.SCHEDULE_PAUSE && op != Op.SCHEDULE_RESUME
                && op != Op.SCHEDULE_REMOVE && op != Op.SCHEDULE_RUN) {
            throw new IllegalArgumentException(op + " is not an op on one schedule");
        }
        ScheduleSpec.checkName("field 'name'", name);
    }

    static ScheduleActionRequest fromJson(Op op, Fields f) {
        return new ScheduleActionRequest(op, f.requireString("name"));
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        return m;
    }
}

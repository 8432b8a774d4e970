package dev.queuectl.protocol.result;

import dev.queuectl.protocol.json.JsonWritable;
import java.util.List;
import java.util.Map;

/** Every schedule, by name: the answer of {@code schedule_list}. */
public record ScheduleList(List<ScheduleView> schedules) implements JsonWritable {
    public ScheduleList {
        schedules = List.copyOf(schedules);
    }

    @Override
    public Map<String, Object> toJson() {
        return ScheduleView.listJson(schedules);
    }

    public static ScheduleList fromJson(Object json) {
        return new ScheduleList(ScheduleView.listFromJson(json));
    }
}

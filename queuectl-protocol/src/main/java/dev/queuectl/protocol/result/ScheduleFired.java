package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.json.JsonWritable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code schedule_run} did: the schedule fired at {@code fireTime}, enqueueing job {@code job}. */
public record ScheduleFired(String schedule, Instant fireTime, String job) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schedule", schedule);
        m.put("fire_time", Timestamps.format(fireTime));
        m.put("job", job);
        return m;
    }

    public static ScheduleFired fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        return new ScheduleFired(f.optString("schedule"), f.optInstant("fire_time"), f.optString("job"));
    }
}

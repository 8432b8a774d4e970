package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The job when the wait ended; {@code finished} is false when the wait timed out first. */
public record WaitResult(boolean finished, JobView job) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("finished", finished);
        m.put("job", job.toJson());
        return m;
    }

    public static WaitResult fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        return new WaitResult(f.optBoolean("finished", false), JobView.fromJson(f.optRaw("job")));
    }
}

package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.Map;

/**
 * The answer to {@code enqueue}: the job's view with {@code "existed"} beside its fields, true
 * when {@code if_absent} found the id taken and left that job as it was.
 */
public record EnqueueResult(JobView job, boolean existed) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = job.toJson(); // a fresh map: "existed" joins the job's own fields
        m.put("existed", existed);
        return m;
    }

    public static EnqueueResult fromJson(Object json) {
        Object existed = Fields.of(json, "result").optRaw("existed");
        return new EnqueueResult(JobView.fromJson(json), Boolean.TRUE.equals(existed));
    }
}

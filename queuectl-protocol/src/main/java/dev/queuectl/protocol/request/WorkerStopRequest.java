package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stops taking new jobs; running ones finish in their own time. With {@code wait} the answer
 * comes when no job is running any more.
 */
public record WorkerStopRequest(boolean waitForIdle) implements Request {
    static WorkerStopRequest fromJson(Fields f) {
        return new WorkerStopRequest(f.optBoolean("wait", false));
    }

    @Override
    public Op op() {
        return Op.WORKER_STOP;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (waitForIdle) {
            m.put("wait", true);
        }
        return m;
    }
}

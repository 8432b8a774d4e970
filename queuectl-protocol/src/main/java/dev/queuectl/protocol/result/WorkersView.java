package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker pool: its configured size, whether it is stopped ({@code worker stop}), and the
 * workers that are running a job right now.
 */
public record WorkersView(int configured, boolean stopped, List<BusyWorker> busy) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        List<Object> list = new ArrayList<>(busy.size());
        for (BusyWorker b : busy) {
            list.add(b.toJson());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configured", configured);
        m.put("stopped", stopped);
        m.put("busy", busy.size());
        m.put("running", list);
        return m;
    }

    public static WorkersView fromJson(Object json) {
        Fields f = Fields.of(json, "workers");
        List<BusyWorker> busy = new ArrayList<>();
        List<?> running = f.optList("running");
        if (running != null) {
            for (Object o : running) {
                busy.add(BusyWorker.fromJson(o));
            }
        }
        return new WorkersView(f.optInt("configured", 0, Integer.MAX_VALUE), f.optBoolean("stopped", false), busy);
    }
}

package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Queues by name: the answer of {@code queue_list}, {@code queue_pause} and {@code queue_resume}. */
public record QueueList(List<QueueView> queues) implements JsonWritable {
    public QueueList {
        queues = List.copyOf(queues);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queues", toJson(queues));
        return m;
    }

    static List<Object> toJson(List<QueueView> queues) {
        List<Object> list = new ArrayList<>(queues.size());
        for (QueueView q : queues) {
            list.add(q.toJson());
        }
        return list;
    }

    static List<QueueView> listFromJson(List<?> raw) {
        List<QueueView> out = new ArrayList<>();
        if (raw != null) {
            for (Object o : raw) {
                out.add(QueueView.fromJson(o));
            }
        }
        return out;
    }

    public static QueueList fromJson(Object json) {
        return new QueueList(listFromJson(Fields.of(json, "result").optList("queues")));
    }
}

package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The target of a DLQ operation: one job by id, or every dead job. Exactly one of the two. */
record IdOrAll(String id, boolean all) {
    IdOrAll {
        if ((id == null) == !all) {
            throw ProtocolException.invalid("give either 'id' or \"all\": true");
        }
        if (id != null) {
            JobSpec.validateId(id);
        }
    }

    static IdOrAll fromJson(Fields f) {
        return new IdOrAll(f.optString("id"), f.optBoolean("all", false));
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        } else {
            m.put("all", true);
        }
        return m;
    }
}

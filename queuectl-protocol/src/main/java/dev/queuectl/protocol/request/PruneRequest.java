package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.TimeRules;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deletes finished jobs now, with their history and output: completed and/or dead ones that
 * reached that state more than {@code olderThan} ago (null: each state's configured retention,
 * keep_completed / keep_dead; 0: all of them), within {@link TimeRules#PRUNE_AGE}. Answered with
 * how many were deleted.
 */
public record PruneRequest(boolean completed, boolean dead, Duration olderThan) implements Request {
    public PruneRequest {
        if (!completed && !dead) {
            throw ProtocolException.invalid("prune needs at least one of completed and dead");
        }
        if (olderThan != null) {
            TimeRules.PRUNE_AGE.check("field 'older_than'", olderThan);
        }
    }

    static PruneRequest fromJson(Fields f) {
        return new PruneRequest(f.optBoolean("completed", false), f.optBoolean("dead", false),
                f.optDuration("older_than", TimeRules.PRUNE_AGE));
    }

    @Override
    public Op op() {
        return Op.PRUNE;
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("completed", completed);
        m.put("dead", dead);
        if (olderThan != null) {
            m.put("older_than", Durations.toWire(olderThan));
        }
        return m;
    }
}

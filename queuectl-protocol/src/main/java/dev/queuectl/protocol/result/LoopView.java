package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.json.JsonWritable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of the daemon's long-lived loops (dispatcher, store writer, workers, output guard,
 * retention) in {@code status}: whether it will take its next turn, when its last turn ended,
 * since when the turn in progress runs (null while it waits for work), and the unexpected
 * failures it survived.
 */
public record LoopView(String name, boolean alive, Instant lastTurn, Instant busySince, long errors,
                       String lastError) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("alive", alive);
        m.put("last_turn", Timestamps.format(lastTurn));
        m.put("busy_since", Timestamps.format(busySince));
        m.put("errors", errors);
        m.put("last_error", lastError);
        return m;
    }

    public static LoopView fromJson(Object json) {
        Fields f = Fields.of(json, "loop");
        Long errors = f.optLong("errors", 0, Long.MAX_VALUE);
        return new LoopView(f.optString("name"), f.optBoolean("alive", false), f.optInstant("last_turn"),
                f.optInstant("busy_since"), errors == null ? 0 : errors, f.optString("last_error"));
    }
}

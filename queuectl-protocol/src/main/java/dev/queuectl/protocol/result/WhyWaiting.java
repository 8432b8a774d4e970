package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.WaitReason;
import dev.queuectl.protocol.json.JsonWritable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a pending or failed job is not running: the reason, the time it lifts by itself (for
 * {@code not_due}), and a sentence for a person. {@code reason} stays as sent, so a reason newer
 * than this client survives a round trip through {@code --json}.
 */
public record WhyWaiting(String reason, Instant until, String message) implements JsonWritable {

    public WaitReason kind() {
        return WaitReason.fromWire(reason);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", reason);
        if (until != null) {
            m.put("until", Timestamps.format(until));
        }
        m.put("message", message);
        return m;
    }

    /** Null for null (a job that is not waiting). */
    public static WhyWaiting fromJson(Object json) {
        if (json == null) {
            return null;
        }
        Fields f = Fields.of(json, "why_waiting");
        return new WhyWaiting(f.optString("reason"), f.optInstant("until"), f.optString("message"));
    }
}

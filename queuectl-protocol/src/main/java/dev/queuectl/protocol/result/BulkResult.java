package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an action on several jobs did (or, with {@code dryRun}, would do): {@code count} jobs
 * changed, {@code skipped} were left alone because of their state ({@code skippedStates} by
 * state, plus {@code held} / {@code not_held} for hold and release), the {@code notFound} ids
 * named no job, and {@code sample} holds the first ids that changed.
 */
public record BulkResult(long count, long skipped, Map<String, Long> skippedStates, List<String> notFound,
                         List<String> sample, boolean dryRun) implements JsonWritable {
    /** Ids listed in {@code sample} at most. */
    public static final int SAMPLE = 20;

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("skipped", skipped);
        m.put("skipped_states", skippedStates);
        m.put("not_found", notFound);
        m.put("sample", sample);
        m.put("dry_run", dryRun);
        return m;
    }

    public static BulkResult fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        Long count = f.optLong("count", 0, Long.MAX_VALUE);
        Long skipped = f.optLong("skipped", 0, Long.MAX_VALUE);
        Fields states = f.optObject("skipped_states");
        Map<String, Long> byState = new LinkedHashMap<>();
        if (states != null) {
            for (String key : List.of("pending", "processing", "completed", "failed", "dead", "held", "not_held")) {
                Long n = states.optLong(key, 0, Long.MAX_VALUE);
                if (n != null) {
                    byState.put(key, n);
                }
            }
        }
        List<String> notFound = f.optStringList("not_found");
        List<String> sample = f.optStringList("sample");
        return new BulkResult(count == null ? 0 : count, skipped == null ? 0 : skipped, byState,
                notFound == null ? List.of() : new ArrayList<>(notFound), sample == null ? List.of() : sample,
                f.optBoolean("dry_run", false));
    }
}

package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A piece of one run's output (stdout and stderr, as written). Offsets count bytes of the
 * output file; ask again from {@code nextOffset} for more. {@code dropped} bytes at the start
 * were cut to keep the file within the output limit. {@code running} is false once the run has
 * ended, so an empty chunk then means the end. {@code attempt} above {@code runs} means that run
 * has not started (yet). {@code state} is the job's state when the chunk was read and
 * {@code outcome} how the run ended ({@code completed}, {@code failed}, {@code timed_out},
 * {@code interrupted}, {@code cancelled}; null while it runs or before it started); both are null
 * from a daemon before protocol 3.
 */
public record LogChunk(String id, int attempt, int runs, long offset, long nextOffset, long dropped,
                       boolean running, String data, JobState state, String outcome) implements JsonWritable {

    /** Whether the chunk's run has not started: the job had fewer runs when it was read. */
    public boolean notStarted() {
        return attempt > runs || runs == 0;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("attempt", attempt);
        m.put("runs", runs);
        m.put("offset", offset);
        m.put("next_offset", nextOffset);
        m.put("dropped", dropped);
        m.put("running", running);
        m.put("state", state == null ? null : state.wireName());
        m.put("outcome", outcome);
        m.put("data", data);
        return m;
    }

    public static LogChunk fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        String state = f.optString("state");
        return new LogChunk(f.optString("id"), f.optInt("attempt", 0, Integer.MAX_VALUE),
                f.optInt("runs", 0, Integer.MAX_VALUE), f.optLong("offset", 0, Long.MAX_VALUE),
                f.optLong("next_offset", 0, Long.MAX_VALUE), f.optLong("dropped", 0, Long.MAX_VALUE),
                f.optBoolean("running", false), f.optString("data"), state == null ? null : JobState.parse(state),
                f.optString("outcome"));
    }

    @Override
    public String toString() {
        return "LogChunk[" + id + " #" + attempt + " @" + offset + ", " + (data == null ? 0 : data.length()) + " chars]";
    }
}

package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs that ended in the last minute and the last hour (since the daemon started): how many
 * completed and failed, and their mean and 95th-percentile run time in seconds (null when there
 * were none; p95 is approximate, within about 19%).
 */
public record RunStatsView(Window lastMinute, Window lastHour) implements JsonWritable {

    public record Window(long completed, long failed, Double meanSeconds, Double p95Seconds) implements JsonWritable {
        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("completed", completed);
            m.put("failed", failed);
            m.put("mean_run_seconds", round(meanSeconds));
            m.put("p95_run_seconds", round(p95Seconds));
            return m;
        }

        private static Double round(Double d) {
            return d == null ? null : Math.round(d * 1000) / 1000.0;
        }

        static Window fromJson(Object json) {
            if (json == null) {
                return new Window(0, 0, null, null);
            }
            Fields f = Fields.of(json, "stats");
            Long completed = f.optLong("completed", 0, Long.MAX_VALUE);
            Long failed = f.optLong("failed", 0, Long.MAX_VALUE);
            return new Window(completed == null ? 0 : completed, failed == null ? 0 : failed,
                    number(f.optScalar("mean_run_seconds")), number(f.optScalar("p95_run_seconds")));
        }

        private static Double number(Object o) {
            return o instanceof Number ? ((Number) o).doubleValue() : null;
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("last_minute", lastMinute.toJson());
        m.put("last_hour", lastHour.toJson());
        return m;
    }

    public static RunStatsView fromJson(Object json) {
        if (json == null) {
            return new RunStatsView(Window.fromJson(null), Window.fromJson(null));
        }
        Fields f = Fields.of(json, "stats");
        return new RunStatsView(Window.fromJson(f.optRaw("last_minute")), Window.fromJson(f.optRaw("last_hour")));
    }
}

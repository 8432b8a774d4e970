package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.json.JsonWritable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run statistics over time for one node: a point per minute of the last hour and per hour of the
 * last day, oldest first, every slot present (zeros included) so charts need no gap filling.
 * Percentiles are in seconds, approximate (within about 19%), and null where no run was counted.
 */
public record RunHistoryView(String node, List<Point> minutes, List<Point> hours) implements JsonWritable {

    /** Queue wait (due to start) or run time percentiles, in seconds. */
    public record Percentiles(double p50, double p95, double p99) implements JsonWritable {
        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("p50", round(p50));
            m.put("p95", round(p95));
            m.put("p99", round(p99));
            return m;
        }

        private static double round(double seconds) {
            return Math.round(seconds * 1_000_000) / 1_000_000.0;
        }

        static Percentiles fromJson(Object json) {
            if (json == null) {
                return null;
            }
            Fields f = Fields.of(json, "percentiles");
            return new Percentiles(number(f.optScalar("p50")), number(f.optScalar("p95")), number(f.optScalar("p99")));
        }

        private static double number(Object o) {
            return o instanceof Number ? ((Number) o).doubleValue() : 0;
        }
    }

    /**
     * One minute or hour from {@code start}: runs that completed and failed in it, the queue wait of
     * runs that started in it, and the run time of runs that ended in it.
     */
    public record Point(Instant start, long completed, long failed, Percentiles queueWait, Percentiles runTime)
            implements JsonWritable {
        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", Timestamps.format(start));
            m.put("completed", completed);
            m.put("failed", failed);
            m.put("wait", queueWait == null ? null : queueWait.toJson());
            m.put("run", runTime == null ? null : runTime.toJson());
            return m;
        }

        static Point fromJson(Object json) {
            Fields f = Fields.of(json, "point");
            Long completed = f.optLong("completed", 0, Long.MAX_VALUE);
            Long failed = f.optLong("failed", 0, Long.MAX_VALUE);
            return new Point(f.optInstant("start"), completed == null ? 0 : completed, failed == null ? 0 : failed,
                    Percentiles.fromJson(f.optRaw("wait")), Percentiles.fromJson(f.optRaw("run")));
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", node);
        m.put("minutes", toJson(minutes));
        m.put("hours", toJson(hours));
        return m;
    }

    private static List<Object> toJson(List<Point> points) {
        List<Object> out = new ArrayList<>(points.size());
        for (Point p : points) {
            out.add(p.toJson());
        }
        return out;
    }

    public static RunHistoryView fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        return new RunHistoryView(f.optString("node"), points(f.optList("minutes")), points(f.optList("hours")));
    }

    private static List<Point> points(List<?> raw) {
        List<Point> out = new ArrayList<>();
        if (raw != null) {
            for (Object o : raw) {
                out.add(Point.fromJson(o));
            }
        }
        return out;
    }
}

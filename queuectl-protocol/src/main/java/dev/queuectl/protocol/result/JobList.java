package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A page of jobs, and how many jobs match in all ({@code total} may exceed the page). */
public record JobList(List<JobView> jobs, long total) implements JsonWritable {
    @Override
    public Map<String, Object> toJson() {
        List<Object> list = new ArrayList<>(jobs.size());
        for (JobView j : jobs) {
            list.add(j.toJson());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobs", list);
        m.put("total", total);
        return m;
    }

    public static JobList fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        List<JobView> jobs = new ArrayList<>();
        for (Object o : f.requireList("jobs")) {
            jobs.add(JobView.fromJson(o));
        }
        Long total = f.optLong("total", 0, Long.MAX_VALUE);
        return new JobList(jobs, total == null ? jobs.size() : total);
    }
}

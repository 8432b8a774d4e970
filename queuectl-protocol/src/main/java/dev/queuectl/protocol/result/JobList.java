package dev.queuectl.protocol.result;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.json.JsonWritable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of jobs. {@code total} is how many jobs match in all when the daemon knows it without
 * counting them one by one (no filter, or states only), else null. {@code next} is the cursor of
 * the following page, null when there is none; a page may hold fewer than {@code limit} jobs and
 * still have a next (the daemon bounds the work of one request).
 */
public record JobList(List<JobView> jobs, Long total, String next) implements JsonWritable {
    public JobList(List<JobView> jobs, long total) {
        this(jobs, Long.valueOf(total), null);
    }

    @Override
    public Map<String, Object> toJson() {
        List<Object> list = new ArrayList<>(jobs.size());
        for (JobView j : jobs) {
            list.add(j.toJson());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobs", list);
        m.put("total", total);
        m.put("next", next);
        return m;
    }

    public static JobList fromJson(Object json) {
        Fields f = Fields.of(json, "result");
        List<JobView> jobs = new ArrayList<>();
        for (Object o : f.requireList("jobs")) {
            jobs.add(JobView.fromJson(o));
        }
        return new JobList(jobs, f.optLong("total", 0, Long.MAX_VALUE), f.optString("next"));
    }
}

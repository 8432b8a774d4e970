package dev.queuectl.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 1, run throughput: N trivial jobs ({@code true}) are enqueued while the workers are
 * stopped, then W workers are started; jobs/s is N over the time from the earliest run start to
 * the latest run end, as the daemon recorded them. Baseline: {@code seq N | xargs -P W -I{} sh -c true}
 * timed in the same run. Target: at least 0.7× the baseline.
 */
final class RunThroughputFigure implements Figure {
    private static final int[] WORKERS = {2, 4};

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String title() {
        return "1. run throughput";
    }

    @Override
    public String target() {
        return "≥ 0.7× baseline";
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        int n = ctx.sizes().runJobs();
        if (n > 5_000) {
            throw new IllegalArgumentException("runJobs must stay below half of list's 10,000 limit");
        }
        try (Daemon d = Daemon.start(ctx, ctx.dir("f1")); WireConnection c = d.connect()) {
            // queuectld is long-running: its claim, spawn and finish paths are measured JIT-warm.
            // Code that runs once per job reaches the optimizing compiler only after ~10,000 jobs.
            int warm = ctx.sizes().runWarmup();
            BenchContext.progress("figure 1: " + warm + " warm-up jobs");
            Requests.enqueueAll(c, warm, 1000, i -> Requests.job("true", "w-" + i, null));
            Requests.awaitCompleted(c, warm, 300_000);
            c.call(Requests.WORKER_STOP_AND_WAIT);
            for (int w : WORKERS) {
                String label = "1. run throughput, W=" + w + " (" + n + " × `true`)";
                try {
                    out.add(measure(ctx, d, c, w, n, label));
                } catch (Exception e) {
                    out.add(Row.error(label, e, target()));
                    c.call(Requests.WORKER_STOP_AND_WAIT);
                }
            }
        }
        ctx.note("Figure 1: jobs/s = N / (latest finished_at − earliest started_at) over the N jobs, from the"
                + " daemon's own records (ms resolution), after " + ctx.sizes().runWarmup() + " warm-up jobs (a daemon"
                + " runs its first ~10,000 jobs slower, until the JIT has compiled the per-job code); baseline ="
                + " N / wall time of `seq N | xargs -P W -I{} sh -c true`.");
    }

    private Row measure(BenchContext ctx, Daemon d, WireConnection c, int w, int n, String label) throws Exception {
        BenchContext.progress("figure 1: " + n + " jobs with " + w + " workers");
        String prefix = "r" + w + "-";
        long before = Requests.count(Requests.counts(c), "completed");
        Requests.enqueueAll(c, n, 1000, i -> Requests.job("true", prefix + i, null));
        c.call(Requests.configSet("workers", w));
        long cpu0 = d.cpuNanos();
        c.call(Requests.WORKER_START);
        Requests.awaitCompleted(c, before + n, 300_000);
        long cpu = d.cpuNanos() - cpu0;
        c.call(Requests.WORKER_STOP_AND_WAIT);

        // The newest 10,000 completed jobs include these n (enqueued last, n ≤ 5,000).
        Map<String, Object> page = c.callObject(Requests.listNewest("completed", 10_000));
        List<Object> jobs = Json.list(page.get("jobs"), "list jobs");
        Instant first = null;
        Instant last = null;
        int seen = 0;
        for (Object o : jobs) {
            Map<String, Object> job = Json.object(o, "job");
            if (!String.valueOf(job.get("id")).startsWith(prefix)) {
                continue;
            }
            seen++;
            Instant s = Instant.parse((String) job.get("started_at"));
            Instant f = Instant.parse((String) job.get("finished_at"));
            first = first == null || s.isBefore(first) ? s : first;
            last = last == null || f.isAfter(last) ? f : last;
        }
        if (seen != n) {
            throw new IllegalStateException("expected " + n + " completed jobs " + prefix + "*, found " + seen);
        }
        double seconds = Math.max(1, last.toEpochMilli() - first.toEpochMilli()) / 1000.0;
        double rate = n / seconds;

        BenchContext.progress("figure 1: baseline seq " + n + " | xargs -P " + w);
        double baseline = n / xargsSeconds(ctx, w, n);
        ctx.note(String.format(java.util.Locale.ROOT, "Figure 1, W=%d: queuectld used %.2f s of CPU (%.0f µs per job,"
                + " its own threads only, not the jobs) while running the %d jobs in %.2f s.", w, cpu / 1e9,
                cpu / 1e3 / n, n, seconds));
        return Row.of(label, rate, Unit.JOBS_PER_S, baseline, "xargs -P " + w, Target.ratioAtLeast(0.7));
    }

    private static double xargsSeconds(BenchContext ctx, int w, int n) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "seq " + n + " | xargs -P " + w + " -I{} sh -c true")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("xargs baseline did not finish within 300s");
        }
        long t1 = System.nanoTime();
        if (p.exitValue() != 0) {
            throw new IOException("xargs baseline exited " + p.exitValue());
        }
        return (t1 - t0) / 1e9;
    }
}

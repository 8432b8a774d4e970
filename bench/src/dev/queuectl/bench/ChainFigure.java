package dev.queuectl.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Figure 11, a chain of dependencies: N jobs of {@code true}, each enqueued {@code after} the one
 * before (in batches whose jobs name earlier lines), run with the workers started once all are
 * in; jobs/s = N over the first run's start to the last run's end. Each completion frees the next
 * job in the same transaction that records it, so the chain should run about as fast as one
 * worker runs independent jobs. Baseline: N independent {@code true} jobs with one worker, the
 * same way. Target: at least 0.7× the baseline.
 */
final class ChainFigure implements Figure {
    @Override
    public String name() {
        return "chain";
    }

    @Override
    public String title() {
        return "11. a chain of dependencies";
    }

    @Override
    public String target() {
        return "≥ 0.7× baseline";
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        int n = ctx.sizes().runJobs() * (ctx.sizes().runJobs() >= 4_000 ? 5 : 2) / 2;
        try (Daemon d = Daemon.start(ctx, ctx.dir("f10")); WireConnection c = d.connect()) {
            int warm = ctx.sizes().runWarmup();
            BenchContext.progress("figure 11: " + warm + " warm-up jobs");
            Requests.enqueueAll(c, warm, 1000, i -> Requests.job("true", "w-" + i, null));
            Requests.awaitCompleted(c, warm, 300_000);
            c.call(Requests.WORKER_STOP_AND_WAIT);
            c.call(Requests.configSet("workers", 1));
            BenchContext.progress("figure 11: baseline, " + n + " independent jobs, one worker");
            double flat = rate(c, n, "f-", i -> Requests.job("true", "f-" + i, null), warm);
            BenchContext.progress("figure 11: a chain of " + n + " jobs");
            c.call(Requests.configSet("workers", 4));
            double chain = rate(c, n, "c-", i -> "{\"command\":\"true\",\"id\":\"c-" + i + "\""
                    + (i == 0 ? "" : ",\"after\":[\"c-" + (i - 1) + "\"]") + "}", warm + n);
            out.add(Row.of("11. a chain of " + n + " × `true` (4 workers)", chain, Unit.JOBS_PER_S, flat,
                    n + " independent, 1 worker", Target.ratioAtLeast(0.7)));
        }
        ctx.note("Figure 11: jobs/s = N / (last finished_at − first started_at); the chain's jobs each name the one"
                + " before in `after`; enqueued with the workers stopped, then started. Baseline: N independent"
                + " `true` jobs with workers = 1 (a chain runs one job at a time however many workers there are).");
    }

    private static double rate(WireConnection c, int n, String prefix, java.util.function.IntFunction<String> job,
                               long completedBefore) throws Exception {
        Requests.enqueueAll(c, n, 1000, job);
        c.call(Requests.WORKER_START);
        Requests.awaitCompleted(c, completedBefore + n, 600_000);
        c.call(Requests.WORKER_STOP_AND_WAIT);
        Map<String, Object> first = c.callObject(Requests.show(prefix + 0));
        Map<String, Object> last = c.callObject(Requests.show(prefix + (n - 1)));
        Instant s = Instant.parse((String) first.get("started_at"));
        Instant f = Instant.parse((String) last.get("finished_at"));
        return n / (Math.max(1, f.toEpochMilli() - s.toEpochMilli()) / 1000.0);
    }
}

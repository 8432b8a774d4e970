package dev.queuectl.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Figure 10, the claim beside a paused queue: dispatch latency (enqueue answer to the job's
 * command running, {@link DispatchProbe}) of jobs in the default queue while another queue,
 * paused, holds 100,000 due jobs. The claim reads only the open queues' slices of its index, so
 * the paused queue's jobs should cost it nothing. Baseline: the same on an empty store. Target:
 * p50 at most 2× the baseline.
 */
final class PausedQueueClaimFigure implements Figure {
    @Override
    public String name() {
        return "queues";
    }

    @Override
    public String title() {
        return "10. claim beside a paused queue";
    }

    @Override
    public String target() {
        return "≤ 2× baseline";
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        int parked = ctx.sizes().bulkJobs();
        int n = ctx.sizes().dispatchJobs();
        int warm = Math.max(10, n / 4);
        Path dir = ctx.dir("f9q");
        long[] base;
        try (Daemon d = Daemon.start(ctx, dir.resolve("empty")); WireConnection c = d.connect()) {
            BenchContext.progress("figure 10: baseline, " + n + " jobs one at a time on an empty store");
            base = DispatchProbe.viaDaemon(c, dir.resolve("t0"), "e", warm, n);
        }
        long[] busy;
        try (Daemon d = Daemon.start(ctx, dir.resolve("parked")); WireConnection c = d.connect()) {
            c.call("{\"op\":\"queue_add\",\"name\":\"parked\"}");
            c.call("{\"op\":\"queue_pause\",\"names\":[\"parked\"]}");
            BenchContext.progress("figure 10: " + parked + " due jobs into the paused queue");
            Requests.enqueueAll(c, parked, 1000, i -> "{\"command\":\"true\",\"queue\":\"parked\"}");
            BenchContext.progress("figure 10: " + n + " jobs one at a time beside them");
            busy = DispatchProbe.viaDaemon(c, dir.resolve("t1"), "p", warm, n);
            long pending = Requests.count(Requests.counts(c), "pending");
            if (pending != parked) {
                throw new IllegalStateException("the paused queue should still hold " + parked + " jobs, not " + pending);
            }
        }
        Stats bs = Stats.nanosAsMillis(base);
        Stats ps = Stats.nanosAsMillis(busy);
        out.add(Row.of("10a. dispatch latency p50, " + parked + " due jobs in a paused queue", ps.percentile(50),
                Unit.MS, bs.percentile(50), "empty store p50", Target.ratioAtMost(2.0)));
        out.add(Row.of("10b. dispatch latency p99, the same", ps.percentile(99), Unit.MS, bs.percentile(99),
                "empty store p99", Target.none()));
        ctx.note("Figure 10: as figure 4 (ack → job start, " + warm + " warm-up jobs excluded), with " + parked
                + " due `true` jobs waiting in a paused queue; baseline: the same probe on an empty store.");
    }
}

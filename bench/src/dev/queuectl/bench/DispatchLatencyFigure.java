package dev.queuectl.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Figure 4, dispatch latency: on an idle daemon with free workers, one job at a time, the time
 * from the enqueue acknowledgement to the job's command running (see {@link DispatchProbe});
 * p50 and p99. Baseline: the harness spawning the same command with {@code ProcessBuilder}.
 * Target: p50 at most the baseline p50 + 1 ms.
 */
final class DispatchLatencyFigure implements Figure {
    @Override
    public String name() {
        return "dispatch";
    }

    @Override
    public String title() {
        return "4. dispatch latency";
    }

    @Override
    public String target() {
        return "≤ baseline + 1 ms";
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        int n = ctx.sizes().dispatchJobs();
        int warm = Math.max(10, n / 4);
        Path dir = ctx.dir("f4");
        long[] daemon;
        try (Daemon d = Daemon.start(ctx, dir); WireConnection c = d.connect()) {
            BenchContext.progress("figure 4: " + n + " jobs, one at a time");
            daemon = DispatchProbe.viaDaemon(c, dir.resolve("t"), "p", warm, n);
        }
        BenchContext.progress("figure 4: baseline, " + n + " ProcessBuilder spawns");
        long[] base = DispatchProbe.viaProcessBuilder(dir.resolve("t"), warm, n);
        Stats ds = Stats.nanosAsMillis(daemon);
        Stats bs = Stats.nanosAsMillis(base);
        out.add(Row.of("4a. dispatch latency p50 (ack → job start, " + n + " jobs)", ds.percentile(50), Unit.MS,
                bs.percentile(50), "ProcessBuilder spawn p50", Target.atMostBaselinePlus(1.0, "1 ms")));
        out.add(Row.of("4b. dispatch latency p99", ds.percentile(99), Unit.MS,
                bs.percentile(99), "ProcessBuilder spawn p99", Target.none()));
        ctx.note("Figure 4: job command `date +%s%N > FILE` (CLOCK_REALTIME); latency = that stamp − realtime when the"
                + " enqueue answer was read; the next job is enqueued after `wait` reports the previous one completed;"
                + " " + warm + " warm-up jobs excluded. Baseline: same command via ProcessBuilder, stamp − realtime"
                + " just before start().");
    }
}

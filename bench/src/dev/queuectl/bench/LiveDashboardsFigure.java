package dev.queuectl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Figure 8, live dashboards: the daemon's CPU per job while jobs run flat out (N × {@code true},
 * 2 workers) with 20 dashboards connected to its event stream (each reading every event and
 * asking for the oldest waiting job as the overview page does), beside the same run with none.
 * Rounds alternate (none, 20, none, 20) on one warm daemon; each side's figure is the lower of
 * its two rounds. Target: at most 1.1× the run without dashboards.
 */
final class LiveDashboardsFigure implements Figure {
    private static final int DASHBOARDS = 20;
    private static final int WORKERS = 2;

    @Override
    public String name() {
        return "dashboards";
    }

    @Override
    public String title() {
        return "8. live dashboards";
    }

    @Override
    public String target() {
        return "≤ 1.1× baseline";
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        int n = ctx.sizes().runJobs();
        try (Daemon d = Daemon.startWithHttp(ctx, ctx.dir("f8")); WireConnection c = d.connect()) {
            String token = d.token();
            int warm = ctx.sizes().runWarmup();
            BenchContext.progress("figure 8: " + warm + " warm-up jobs");
            Requests.enqueueAll(c, warm, 1000, i -> Requests.job("true", "w-" + i, null));
            Requests.awaitCompleted(c, warm, 300_000);
            c.call(Requests.WORKER_STOP_AND_WAIT);
            c.call(Requests.configSet("workers", WORKERS));
            double none = Double.MAX_VALUE;
            double with = Double.MAX_VALUE;
            long events = 0;
            long fetches = 0;
            double seconds = 0;
            for (int round = 0; round < 4; round++) {
                boolean dashboards = round % 2 == 1;
                List<DashboardClient> clients = new ArrayList<>();
                try {
                    if (dashboards) {
                        for (int i = 0; i < DASHBOARDS; i++) {
                            clients.add(new DashboardClient(d.httpPort(), token, i));
                        }
                        for (DashboardClient dc : clients) {
                            if (!dc.connected.await(30, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("a dashboard got no event within 30 s");
                            }
                        }
                    }
                    BenchContext.progress("figure 8: " + n + " jobs with " + (dashboards ? DASHBOARDS : 0) + " dashboards");
                    long before = Requests.count(Requests.counts(c), "completed");
                    String prefix = "r" + round + "-";
                    Requests.enqueueAll(c, n, 1000, i -> Requests.job("true", prefix + i, null));
                    long e0 = clients.stream().mapToLong(x -> x.events.get()).sum();
                    long f0 = clients.stream().mapToLong(x -> x.fetches.get()).sum();
                    long cpu0 = d.cpuNanos();
                    long t0 = System.nanoTime();
                    c.call(Requests.WORKER_START);
                    Requests.awaitCompleted(c, before + n, 300_000);
                    long cpu = d.cpuNanos() - cpu0;
                    double took = (System.nanoTime() - t0) / 1e9;
                    c.call(Requests.WORKER_STOP_AND_WAIT);
                    double perJob = cpu / 1e3 / n;
                    if (dashboards) {
                        with = Math.min(with, perJob);
                        events += clients.stream().mapToLong(x -> x.events.get()).sum() - e0;
                        fetches += clients.stream().mapToLong(x -> x.fetches.get()).sum() - f0;
                        seconds += took;
                    } else {
                        none = Math.min(none, perJob);
                    }
                    ctx.note(String.format(Locale.ROOT, "Figure 8, round %d (%d dashboards): %.0f µs of daemon CPU per"
                            + " job, %d jobs in %.2f s.", round + 1, dashboards ? DASHBOARDS : 0, perJob, n, took));
                } finally {
                    for (DashboardClient dc : clients) {
                        dc.close();
                    }
                }
            }
            out.add(Row.of("8. daemon CPU per job, 2 workers flat out, " + DASHBOARDS + " live dashboards", with,
                    Unit.MICROS_PER_JOB, none, "no dashboard", Target.ratioAtMost(1.1)));
            ctx.note(String.format(Locale.ROOT, "Figure 8: CPU = utime + stime of the daemon from /proc while N = %d"
                    + " `true` jobs ran with %d workers, after %d warm-up jobs; rounds without and with %d dashboards"
                    + " alternate twice and each side keeps its lower round. Each dashboard holds GET /api/v1/events"
                    + " and, on a jobs event, at most every 2 s asks GET /api/v1/jobs?state=pending&limit=1. While jobs"
                    + " ran, each dashboard received %.1f events/s and made %.2f requests/s.", n, WORKERS, warm,
                    DASHBOARDS, events / (double) DASHBOARDS / seconds, fetches / (double) DASHBOARDS / seconds));
        }
    }
}

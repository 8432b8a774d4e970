package dev.queuectl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Figure 3, concurrent single enqueues: 16 clients, each on its own connection, each sending one
 * enqueue and waiting for its answer before the next (workers stopped). Reports total jobs/s
 * (all acknowledged jobs over the time from the common start to the last answer) and the p50/p99
 * round-trip latency. Baseline: raw sqlite-jdbc with one row per durable transaction (the rate
 * this store reaches with one commit per request; its commit latency for the latency rows).
 * Target: at least 5× the baseline rate, which needs group commit.
 */
final class ConcurrentEnqueueFigure implements Figure {
    @Override
    public String name() {
        return "concurrent";
    }

    @Override
    public String title() {
        return "3. concurrent single enqueues";
    }

    @Override
    public String target() {
        return "≥ 5× baseline";
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        int clients = ctx.sizes().concurrentClients();
        int each = ctx.sizes().concurrentPerClient();
        int warm = each; // queuectld is long-running: measure it JIT-warm, after the same work once
        SqliteBaseline.Result base = ctx.sqliteBaseline();
        long[][] latencies = new long[clients][];
        long t0;
        long t1;
        long cpu0;
        long cpu1;
        try (Daemon d = Daemon.start(ctx, ctx.dir("f3"))) {
            try (WireConnection c = d.connect()) {
                c.call(Requests.WORKER_STOP_AND_WAIT);
            }
            BenchContext.progress("figure 3: " + clients + " clients × " + each + " enqueues");
            CyclicBarrier ready = new CyclicBarrier(clients + 1);
            CyclicBarrier done = new CyclicBarrier(clients + 1);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<long[]>> results = new ArrayList<>();
            try {
                for (int k = 0; k < clients; k++) {
                    int client = k;
                    results.add(pool.submit(() -> {
                        try (WireConnection c = d.connect()) {
                            for (int i = 0; i < warm; i++) {
                                c.call(Requests.enqueue("true", "w" + client + "-" + i));
                            }
                            ready.await(60, TimeUnit.SECONDS);
                            long[] lat = new long[each];
                            for (int i = 0; i < each; i++) {
                                String req = Requests.enqueue("true", "c" + client + "-" + i);
                                long s = System.nanoTime();
                                c.call(req);
                                lat[i] = System.nanoTime() - s;
                            }
                            done.await(60, TimeUnit.SECONDS);
                            return lat;
                        }
                    }));
                }
                ready.await(120, TimeUnit.SECONDS);
                cpu0 = d.cpuNanos();
                t0 = System.nanoTime();
                done.await(600, TimeUnit.SECONDS);
                t1 = System.nanoTime();
                cpu1 = d.cpuNanos();
                for (int k = 0; k < clients; k++) {
                    latencies[k] = results.get(k).get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        long total = (long) clients * each;
        long[] all = new long[(int) total];
        int i = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 0, all, i, l.length);
            i += l.length;
        }
        Stats lat = Stats.nanosAsMillis(all);
        double rate = total / ((t1 - t0) / 1e9);
        String what = clients + " clients × " + each;
        out.add(Row.of("3a. concurrent single enqueues, " + what + ", total", rate, Unit.JOBS_PER_S,
                base.oneRowPerTxRate(), "sqlite 1 row/tx", Target.ratioAtLeast(5)));
        out.add(Row.of("3b. concurrent single enqueues, latency p50", lat.percentile(50), Unit.MS,
                base.oneRowPerTxLatencyMs().percentile(50), "sqlite 1-row commit p50", Target.none()));
        out.add(Row.of("3c. concurrent single enqueues, latency p99", lat.percentile(99), Unit.MS,
                base.oneRowPerTxLatencyMs().percentile(99), "sqlite 1-row commit p99", Target.none()));
        ctx.note(String.format(java.util.Locale.ROOT, "Figure 3: queuectld used %.2f s of CPU for the %d measured jobs"
                + " in %.2f s (%.0f µs per job).", (cpu1 - cpu0) / 1e9, total, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e3 / total));
        ctx.note("Figure 3: latency = send of one enqueue line → its answer read, per client, " + warm
                + " warm-up enqueues per client excluded; rate = " + total + " jobs / (last answer − common start).");
    }
}

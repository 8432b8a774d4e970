package dev.queuectl.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Figure 6, client round trip: wall time of the shipped client, {@code bin/queuectl status}
 * (launcher script, JVM start, request, answer, rendering), against a bare {@code java Hello}
 * started the same way (no JVM flags). Medians after warm-up runs, the two alternating.
 * Target: at most 3.5× the bare JVM.
 */
final class ClientRoundTripFigure implements Figure {
    @Override
    public String name() {
        return "client";
    }

    @Override
    public String title() {
        return "6. client round trip";
    }

    @Override
    public String target() {
        return "≤ 3.5× baseline";
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        int runs = ctx.sizes().clientRuns();
        int warm = ctx.sizes().clientWarmups();
        List<String> hello = List.of(ctx.java(), "-cp", ctx.benchClasses().toString(), Hello.class.getName());
        long[] client = new long[runs];
        long[] bare = new long[runs];
        try (Daemon d = Daemon.start(ctx, ctx.dir("f6"))) {
            List<String> status = List.of(ctx.root().resolve("bin/queuectl").toString(), "--socket",
                    d.socket().toString(), "status");
            BenchContext.progress("figure 6: " + runs + " runs each of `queuectl status` and `java Hello`");
            for (int i = 0; i < warm + runs; i++) {
                long c = timed(ctx, status);
                long b = timed(ctx, hello);
                if (i >= warm) {
                    client[i - warm] = c;
                    bare[i - warm] = b;
                }
            }
        }
        out.add(Row.of("6. client round trip: `bin/queuectl status` (median of " + runs + ")",
                Stats.nanosAsMillis(client).median(), Unit.MS, Stats.nanosAsMillis(bare).median(), "`java Hello`",
                Target.ratioAtMost(3.5)));
        ctx.note("Figure 6: wall time from ProcessBuilder.start() to exit, output discarded; " + warm
                + " warm-up run(s) of each first.");
    }

    private static long timed(BenchContext ctx, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        ctx.cleanEnvironment(pb.environment());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 60s");
        }
        long t = System.nanoTime() - t0;
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue());
        }
        return t;
    }
}

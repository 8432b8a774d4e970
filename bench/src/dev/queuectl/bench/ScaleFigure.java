package dev.queuectl.bench;

import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.LivedInStore;
import dev.queuectl.daemon.store.sqlite.SqliteJobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 5, scale: the same requests on a store of 1,000,000 mixed jobs (see {@code LivedInStore})
 * and on a near-empty store (the baseline): medians of {@code status}, {@code list --state pending
 * --limit 100} and {@code show} of a completed job, each a round trip on one raw connection, and
 * the claim of a newly enqueued due job measured as its dispatch latency ({@link DispatchProbe}).
 * Target: at most 2× the near-empty store. Also the daemon's RSS, idle on the near-empty store
 * and after the measurements on the big one, beside a trivial JVM with the daemon's flags.
 */
final class ScaleFigure implements Figure {
    /** The daemon launcher's JVM flags, for the RSS baseline. */
    private static final List<String> DAEMON_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:MaxRAMPercentage=25");
    /** Jobs waiting in the near-empty store, so that list returns a full page there too. */
    private static final int SMALL_STORE_PENDING = 150;

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public String title() {
        return "5. scale";
    }

    @Override
    public String target() {
        return "≤ 2× baseline";
    }

    /** Medians in ms, and the daemon's RSS in bytes after them. */
    private record Measured(double status, double list, double show, double claim, long rss, double overview,
                            double jobsPage, long rssAfterApi) {
    }

    @Override
    public void run(BenchContext ctx, List<Row> out) throws Exception {
        int total = ctx.sizes().scaleJobs();
        long helloRss = helloRss(ctx);

        BenchContext.progress("figure 5: near-empty store");
        Measured small;
        Path smallDir = ctx.dir("f5e");
        try (Daemon d = Daemon.startWithHttp(ctx, smallDir); WireConnection c = d.connect()) {
            c.call(Requests.enqueue("true", "show-me"));
            c.call(Requests.waitFor("show-me", "60s"));
            Instant later = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
            Requests.enqueueAll(c, SMALL_STORE_PENDING, SMALL_STORE_PENDING, i -> Requests.job("true", "later-" + i, later));
            small = measure(ctx, d, c, smallDir, "show-me");
        }

        Path bigDir = ctx.dir("f5b");
        BenchContext.progress("figure 5: building a store of " + total + " jobs through the store API");
        long t0 = System.nanoTime();
        Map<String, Long> expected = new LinkedHashMap<>();
        Path dataDir = Daemon.dataDirOf(bigDir);
        Files.createDirectories(dataDir);
        try (JobStore store = SqliteJobStore.open(dataDir.resolve("queuectl.db"), Clock.systemUTC())) {
            LivedInStore.build(store, Clock.systemUTC(), total, LivedInStore.LIVED_IN)
                    .forEach((state, n) -> expected.put(state.key(), n));
        }
        double buildSeconds = (System.nanoTime() - t0) / 1e9;

        BenchContext.progress("figure 5: starting on the " + total + "-job store");
        Measured big;
        t0 = System.nanoTime();
        try (Daemon d = Daemon.startWithHttp(ctx, bigDir)) {
            double restartSeconds = (System.nanoTime() - t0) / 1e9;
            try (WireConnection c = d.connect()) {
                c.call(Requests.WORKER_START);
                Map<String, Object> counts = Requests.counts(c);
                for (Map.Entry<String, Long> e : expected.entrySet()) {
                    if (Requests.count(counts, e.getKey()) != e.getValue()) {
                        throw new IllegalStateException("status counts " + counts + " differ from the store's " + expected);
                    }
                }
                long mid = (total / 2) / 100 * 100; // k % 100 == 0: a completed job with one attempt
                big = measure(ctx, d, c, bigDir, Long.toString(mid));
            }
            ctx.note(String.format(Locale.ROOT, "Figure 5: store of %,d jobs %s built in %.1f s through the store"
                    + " API in the benchmark's own process (LivedInStore: enqueue_batch-sized inserts, then claims and"
                    + " run ends as the engine records them), then the daemon restarted on it (`queuectld --detach` until"
                    + " the socket accepts) in %.1f s.", total, expected, buildSeconds, restartSeconds));
        }

        String sz = String.format(Locale.ROOT, "%,d", total);
        String base = "near-empty store";
        Target twice = Target.ratioAtMost(2);
        out.add(Row.of("5a. status, " + sz + " jobs (median)", big.status, Unit.MS, small.status, base, twice));
        out.add(Row.of("5b. list --state pending --limit 100, " + sz + " jobs", big.list, Unit.MS, small.list, base, twice));
        out.add(Row.of("5c. show <completed job>, " + sz + " jobs", big.show, Unit.MS, small.show, base, twice));
        out.add(Row.of("5d. claim: dispatch latency of a new due job, " + sz + " jobs", big.claim, Unit.MS, small.claim,
                base, twice));
        out.add(Row.of("5e. daemon RSS idle, near-empty store", small.rss, Unit.BYTES, helloRss,
                "idle `java Hello`, daemon JVM flags", Target.atMost(96 * 1024 * 1024, Unit.BYTES)));
        out.add(Row.of("5f. daemon RSS after the measurements, " + sz + " jobs", big.rss, Unit.BYTES, helloRss,
                "idle `java Hello`, daemon JVM flags", Target.atMost(256 * 1024 * 1024, Unit.BYTES)));
        out.add(Row.of("5g. API: overview page's requests (status, stats, oldest pending), " + sz + " jobs", big.overview,
                Unit.MS, small.overview, base, twice));
        out.add(Row.of("5h. API: jobs page (100 newest), " + sz + " jobs", big.jobsPage, Unit.MS, small.jobsPage, base,
                twice));
        out.add(Row.of("5i. daemon RSS after the API requests, near-empty store", small.rssAfterApi, Unit.BYTES, helloRss,
                "idle `java Hello`, daemon JVM flags", Target.atMost(96 * 1024 * 1024, Unit.BYTES)));
        ctx.note("Figure 5: the near-empty baseline store holds one completed job (the one `show` reads) and "
                + SMALL_STORE_PENDING + " pending jobs not due for 30 days (so `list` returns a full page of 100 there too);"
                + " medians of " + ctx.sizes().scaleReps() + " round trips each (5 warm-up), claim = median of "
                + ctx.sizes().scaleClaimReps() + " dispatch latencies as in figure 4. RSS = VmRSS of /proc/PID/status"
                + " (MiB); its baseline is a trivial `java Hello` sleeping, started with the daemon launcher's JVM flags."
                + " 5g/5h: medians over one keep-alive HTTP connection with the bearer token (JDK HttpClient); 5g is"
                + " the sum of the overview page's three requests, GET /api/v1/status, /api/v1/stats and"
                + " /api/v1/jobs?state=pending&limit=1; 5h is GET /api/v1/jobs?limit=100&newest_first=true. Both daemons"
                + " run with the HTTP listener on; 5e and 5f are read before any API request, 5i after them.");
    }

    private static Measured measure(BenchContext ctx, Daemon d, WireConnection c, Path dir, String showId)
            throws Exception {
        int reps = ctx.sizes().scaleReps();
        int warm = 5;
        String list = Requests.list("pending", 100);
        String show = Requests.show(showId);
        long[] status = new long[reps];
        long[] lists = new long[reps];
        long[] shows = new long[reps];
        for (int i = 0; i < warm + reps; i++) {
            long s = roundTrip(c, Requests.STATUS);
            long l = roundTrip(c, list);
            long w = roundTrip(c, show);
            if (i >= warm) {
                status[i - warm] = s;
                lists[i - warm] = l;
                shows[i - warm] = w;
            }
        }
        long[] claim = DispatchProbe.viaDaemon(c, dir.resolve("t"), "claim-", 3, ctx.sizes().scaleClaimReps());
        Thread.sleep(1000); // let the daemon settle before reading its RSS
        long rss = d.rssBytes();
        // The API's figures come after the socket's RSS: the listener is on throughout, used only now.
        HttpProbe http = new HttpProbe(d.httpPort(), d.token());
        long[] overview = new long[reps];
        long[] jobsPage = new long[reps];
        for (int i = 0; i < warm + reps; i++) {
            long o = http.overview();
            long j = http.jobsPage();
            if (i >= warm) {
                overview[i - warm] = o;
                jobsPage[i - warm] = j;
            }
        }
        Thread.sleep(1000);
        return new Measured(Stats.nanosAsMillis(status).median(), Stats.nanosAsMillis(lists).median(),
                Stats.nanosAsMillis(shows).median(), Stats.nanosAsMillis(claim).median(), rss,
                Stats.nanosAsMillis(overview).median(), Stats.nanosAsMillis(jobsPage).median(), d.rssBytes());
    }

    /** One request and its answer; fails on a refusal. Returns the round trip in ns. */
    private static long roundTrip(WireConnection c, String request) throws IOException {
        long t0 = System.nanoTime();
        c.send(request);
        String answer = c.readLine();
        long t = System.nanoTime() - t0;
        WireConnection.resultOf(answer);
        return t;
    }

    /** RSS of an idle trivial JVM started with the daemon launcher's flags. */
    private static long helloRss(BenchContext ctx) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(ctx.java());
        cmd.addAll(DAEMON_JVM_FLAGS);
        cmd.addAll(List.of("-cp", ctx.benchClasses().toString(), Hello.class.getName(), "--sleep"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
            if (!"hello".equals(line)) {
                throw new IOException("java Hello printed " + line);
            }
            Thread.sleep(1000);
            return ProcStatus.rssBytes(p.pid());
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}

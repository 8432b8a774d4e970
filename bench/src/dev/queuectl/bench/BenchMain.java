package dev.queuectl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench/run [--quick] [--only NAME[,NAME]]}: runs the figures, each beside a baseline
 * measured in the same run, prints one table and writes it with a description of the machine to
 * {@code bench/results/latest.md}. Targets are reported, never enforced: the exit status is 0
 * whatever the figures say, 1 only if a figure could not be measured at all, 2 for bad usage.
 */
public final class BenchMain {
    private static final List<Figure> FIGURES = List.of(new RunThroughputFigure(), new EnqueueThroughputFigure(),
            new ConcurrentEnqueueFigure(), new DispatchLatencyFigure(), new ScaleFigure(), new ClientRoundTripFigure(),
            new BulkCancelFigure(), new LiveDashboardsFigure(), new PostgresFigure(), new PausedQueueClaimFigure(),
            new ChainFigure());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = null;
        Path report = null;
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    quick = true;
                    break;
                case "--only":
                    if (i + 1 == args.length) {
                        usage("--only needs a list of figure names");
                    }
                    for (String name : args[++i].split(",")) {
                        if (FIGURES.stream().noneMatch(f -> f.name().equals(name.strip()))) {
                            usage("unknown figure '" + name + "'");
                        }
                        only.add(name.strip());
                    }
                    break;
                case "--report":
                    if (i + 1 == args.length) {
                        usage("--report needs a file name");
                    }
                    report = Path.of(args[++i]).toAbsolutePath();
                    break;
                case "--root":
                    root = Path.of(args[++i]).toAbsolutePath().normalize();
                    break;
                case "-h":
                case "--help":
                    System.out.println(help());
                    return;
                default:
                    usage("unknown argument '" + args[i] + "'");
            }
        }
        if (root == null) {
            usage("--root is required (bench/run passes it)");
        }
        System.exit(run(root, quick, only, report == null ? root.resolve("bench/results/latest.md") : report));
    }

    private static int run(Path root, boolean quick, Set<String> only, Path report) throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        Map<String, String> machine;
        List<String> notes;
        BenchContext ctx = new BenchContext(root, quick);
        Thread cleanup = new Thread(ctx::close, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            for (Figure f : FIGURES) {
                if (!only.isEmpty() && !only.contains(f.name())) {
                    continue;
                }
                BenchContext.progress("=== " + f.title());
                int before = rows.size();
                long figureStart = System.nanoTime();
                try {
                    runWithTimeLimit(f, ctx, rows, quick ? 180 : 1800);
                } catch (Exception | AssertionError e) {
                    BenchContext.progress(f.title() + " failed: " + e);
                    rows.add(Row.error(f.title(), e, f.target()));
                }
                BenchContext.progress(String.format(Locale.ROOT, "%s took %.1f s", f.title(),
                        (System.nanoTime() - figureStart) / 1e9));
                if (rows.size() == before) {
                    rows.add(Row.error(f.title(), new IllegalStateException("produced no figure"), f.target()));
                }
            }
            machine = MachineInfo.describe(ctx);
            notes = new ArrayList<>(ctx.notes());
        } finally {
            ctx.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        double minutes = (System.nanoTime() - t0) / 60e9;
        String table = ResultsTable.text(rows);
        System.out.println();
        System.out.print(table);

        Files.createDirectories(report.getParent());
        Files.writeString(report, markdown(rows, machine, notes, quick, only, started, minutes), StandardCharsets.UTF_8);
        System.out.println();
        System.out.printf(Locale.ROOT, "%s run took %.1f min; report written to %s%n", quick ? "quick" : "full",
                minutes, report.startsWith(root) ? root.relativize(report) : report);
        return rows.stream().anyMatch(Row::isError) ? 1 : 0;
    }

    /**
     * Runs one figure on its own thread. If it overruns its time limit (a hang), the daemons are
     * drained so that its blocked reads fail, and it is reported as an error.
     */
    private static void runWithTimeLimit(Figure f, BenchContext ctx, List<Row> rows, int seconds) throws Exception {
        List<Row> own = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
            f.run(ctx, own);
            return null;
        });
        Thread t = new Thread(task, "figure-" + f.name());
        t.setDaemon(true);
        t.start();
        try {
            task.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            BenchContext.progress(f.title() + " overran " + seconds + " s; stopping its daemons");
            ctx.stopDaemons();
            t.join(60_000);
            synchronized (own) {
                rows.addAll(own);
            }
            throw new java.util.concurrent.TimeoutException("did not finish within " + seconds + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            synchronized (own) {
                rows.addAll(own);
            }
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
        rows.addAll(own);
    }

    private static String markdown(List<Row> rows, Map<String, String> machine, List<String> notes, boolean quick,
                                   Set<String> only, Instant started, double minutes) {
        StringBuilder b = new StringBuilder();
        b.append("# queuectl benchmark\n\n");
        b.append(String.format(Locale.ROOT, "%s run (%s), started %s, took %.1f min.%n%n", quick ? "Quick (`--quick`)" : "Full",
                only.isEmpty() ? "all figures" : "only " + String.join(", ", only),
                started.truncatedTo(ChronoUnit.SECONDS), minutes));
        b.append("Every baseline was measured in the same run on the same machine. Targets are reported,"
                + " not enforced. Other work running on the machine at the same time shows up in the figures.\n\n");
        b.append(ResultsTable.markdown(rows)).append('\n');
        b.append("## Machine\n\n");
        for (String line : MachineInfo.lines(machine)) {
            b.append("- ").append(line).append('\n');
        }
        b.append("\n## How each figure was measured\n\n");
        for (String n : notes) {
            b.append("- ").append(n).append('\n');
        }
        return b.toString();
    }

    private static String help() {
        StringBuilder names = new StringBuilder();
        for (Figure f : FIGURES) {
            names.append("  ").append(String.format(Locale.ROOT, "%-11s", f.name())).append(f.title()).append('\n');
        }
        return "Usage: bench/run [--quick] [--only NAME[,NAME]] [--report FILE]\n"
                + "Measures queuectl beside baselines taken in the same run; prints one table and writes\n"
                + "it as markdown to FILE (default bench/results/latest.md). --quick uses tiny sizes (a\n"
                + "smoke test).\n"
                + "Exit status: 0 measured (targets are reported, not enforced), 1 a figure failed, 2 usage.\n"
                + "Figures:\n" + names;
    }

    private static void usage(String message) {
        System.err.println("bench: " + message);
        System.err.print(help());
        System.exit(2);
    }
}

package dev.queuectl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The machine the figures were measured on, for the report. Anything unreadable says so. */
final class MachineInfo {
    private MachineInfo() {
    }

    static Map<String, String> describe(BenchContext ctx) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cpus (nproc)", run("nproc"));
        m.put("cpu model", cpuModel());
        m.put("memory", memTotal());
        m.put("kernel", run("uname", "-srm"));
        m.put("java", run(ctx.java(), "-version").replace("\n", "; "));
        m.put("data dir filesystem", run("df", "-hT", ctx.tmp().toString()).lines().skip(1)
                .findFirst().orElse("?").replaceAll("\\s+", " ") + " (data dirs under " + ctx.tmp() + ")");
        m.put("commit", run("git", "-C", ctx.root().toString(), "rev-parse", "--short", "HEAD")
                + (run("git", "-C", ctx.root().toString(), "status", "--porcelain", "--untracked-files=no").isEmpty()
                ? "" : " (with uncommitted changes)"));
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
            return "? (no model name in /proc/cpuinfo)";
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
            return "?";
        } catch (IOException | NumberFormatException e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    /** A command's combined output, stripped; "?" and the reason if it cannot run. */
    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "? (timed out)";
            }
            return out;
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "? (interrupted)";
        }
    }

    static List<String> lines(Map<String, String> info) {
        List<String> out = new ArrayList<>();
        info.forEach((k, v) -> out.add(k + ": " + v));
        return out;
    }
}

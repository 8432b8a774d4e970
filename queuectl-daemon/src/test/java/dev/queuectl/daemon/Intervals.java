package dev.queuectl.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run intervals written by the jobs themselves: each run appends {@code JOB ATTEMPT NANOS} lines
 * to a file, one when it starts and then every few milliseconds while it lives, so that a run
 * killed without warning still leaves the time it was last alive. Two runs of one job overlap
 * if one's first line comes before the other's last.
 */
final class Intervals {
    private Intervals() {
    }

    /** A shell command for job runs: marks its life in {@code file} for {@code seconds}, then exits 0. */
    static String heartbeat(Path file, double seconds) {
        return "end=$(($(date +%s%N) + " + Math.round(seconds * 1e9) + ")); while :; do now=$(date +%s%N);"
                + " echo \"$QUEUECTL_JOB_ID $QUEUECTL_ATTEMPT $now\" >> " + file + ";"
                + " [ $now -ge $end ] && exit 0; sleep 0.02; done";
    }

    /** A short run: one line at its start and one at its end. */
    static String mark(Path file, String work) {
        return "echo \"$QUEUECTL_JOB_ID $QUEUECTL_ATTEMPT $(date +%s%N)\" >> " + file + "; " + work
                + "; echo \"$QUEUECTL_JOB_ID $QUEUECTL_ATTEMPT $(date +%s%N)\" >> " + file;
    }

    /** Now, on the clock the jobs write ({@code date +%s%N}: nanoseconds since the epoch). */
    static long now() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Per job, per attempt: {first, last} nanos seen. */
    static Map<String, Map<Integer, long[]>> read(Path file) {
        Map<String, Map<Integer, long[]>> out = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            if (f.length != 3) {
                continue; // a line cut short by a kill
            }
            long t = Long.parseLong(f[2]);
            long[] span = out.computeIfAbsent(f[0], k -> new TreeMap<>())
                    .computeIfAbsent(Integer.parseInt(f[1]), k -> new long[] {t, t});
            span[0] = Math.min(span[0], t);
            span[1] = Math.max(span[1], t);
        }
        return out;
    }

    /** Descriptions of every pair of runs of one job that overlap in time; empty when none do. */
    static List<String> overlaps(Map<String, Map<Integer, long[]>> runs) {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, long[]>> job : runs.entrySet()) {
            List<Map.Entry<Integer, long[]>> spans = new ArrayList<>(job.getValue().entrySet());
            for (int i = 0; i < spans.size(); i++) {
                for (int j = i + 1; j < spans.size(); j++) {
                    long[] a = spans.get(i).getValue();
                    long[] b = spans.get(j).getValue();
                    if (a[0] <= b[1] && b[0] <= a[1]) {
                        bad.add(job.getKey() + " runs " + spans.get(i).getKey() + " and " + spans.get(j).getKey());
                    }
                }
            }
        }
        return bad;
    }
}

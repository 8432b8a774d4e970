package dev.queuectl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long it takes from "a job exists" to "its command is running", one job at a time.
 * The command is {@code date +%s%N > FILE}: it records CLOCK_REALTIME nanoseconds as it starts,
 * and the harness compares with its own realtime clock ({@link BenchContext#realtimeNanos()}).
 * Through the daemon the start point is the moment the enqueue acknowledgement has been read;
 * for the baseline it is just before {@code ProcessBuilder.start()} of the same command.
 */
final class DispatchProbe {
    private DispatchProbe() {
    }

    static String command(Path file) {
        return "date +%s%N > " + file;
    }

    /**
     * Enqueues {@code warm + count} due jobs one at a time on an idle daemon, waiting for each to
     * complete before the next; returns the {@code count} latencies (ns) after the warm-up ones.
     */
    static long[] viaDaemon(WireConnection c, Path dir, String idPrefix, int warm, int count)
            throws IOException {
        Files.createDirectories(dir);
        long[] lat = new long[count];
        for (int i = 0; i < warm + count; i++) {
            String id = idPrefix + i;
            Path file = dir.resolve(id);
            c.send(Requests.enqueue(command(file), id));
            String ack = c.readLine();
            long ackNs = BenchContext.realtimeNanos();
            WireConnection.resultOf(ack);
            Map<String, Object> waited = c.callObject(Requests.waitFor(id, "60s"));
            Map<String, Object> job = Json.object(waited.get("job"), "wait job");
            if (!Boolean.TRUE.equals(waited.get("finished")) || !"completed".equals(job.get("state"))) {
                throw new IllegalStateException("probe job " + id + " did not complete: " + job.get("state")
                        + " " + job.get("last_error"));
            }
            long started = readStamp(file);
            if (i >= warm) {
                lat[i - warm] = started - ackNs;
            }
        }
        return lat;
    }

    /** The baseline: the harness starts {@code /bin/sh -c COMMAND} itself. */
    static long[] viaProcessBuilder(Path dir, int warm, int count) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        long[] lat = new long[count];
        for (int i = 0; i < warm + count; i++) {
            Path file = dir.resolve("pb-" + i);
            ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", command(file)))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            long t0 = BenchContext.realtimeNanos();
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("baseline spawn of `" + command(file) + "` failed");
            }
            long started = readStamp(file);
            if (i >= warm) {
                lat[i - warm] = started - t0;
            }
        }
        return lat;
    }

    private static long readStamp(Path file) throws IOException {
        String s = Files.readString(file).strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IOException("job wrote no nanosecond timestamp to " + file + ": '" + s + "'");
        }
    }
}

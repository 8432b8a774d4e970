package dev.queuectl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One queuectld started with the shipped launcher ({@code bin/queuectld --detach}) on its own
 * data dir and socket, with an empty config file so no user or system config leaks in.
 * {@link #close()} drains it and waits for its process to exit; only if that fails is the
 * daemon's own pid signalled (after checking that the pid still runs this daemon's socket).
 */
final class Daemon implements AutoCloseable {
    private final BenchContext ctx;
    private final Path dataDir;
    private final Path socket;
    private final long pid;
    private final int httpPort;
    private boolean stopped;

    private Daemon(BenchContext ctx, Path dataDir, Path socket, long pid, int httpPort) {
        this.ctx = ctx;
        this.dataDir = dataDir;
        this.socket = socket;
        this.pid = pid;
        this.httpPort = httpPort;
    }

    /** Starts a daemon whose data dir and socket live in {@code dir} (created if need be). */
    static Daemon start(BenchContext ctx, Path dir) throws IOException, InterruptedException {
        return start(ctx, dataDirOf(dir), dir.resolve("s"), false, List.of());
    }

    /** The same, with its HTTP listener (dashboard and API) on a free loopback port. */
    static Daemon startWithHttp(BenchContext ctx, Path dir) throws IOException, InterruptedException {
        return start(ctx, dataDirOf(dir), dir.resolve("s"), true, List.of());
    }

    /** The data dir {@link #start(BenchContext, Path)} uses in {@code dir}. */
    static Path dataDirOf(Path dir) {
        return dir.resolve("d");
    }

    static Daemon start(BenchContext ctx, Path dataDir, Path socket) throws IOException, InterruptedException {
        return start(ctx, dataDir, socket, false, List.of());
    }

    /** A daemon in {@code dir} with extra flags (another store, say). */
    static Daemon start(BenchContext ctx, Path dir, List<String> flags) throws IOException, InterruptedException {
        return start(ctx, dataDirOf(dir), dir.resolve("s"), false, flags);
    }

    private static Daemon start(BenchContext ctx, Path dataDir, Path socket, boolean http, List<String> flags)
            throws IOException, InterruptedException {
        Files.createDirectories(socket.getParent());
        Path config = socket.getParent().resolve("empty.conf");
        if (!Files.exists(config)) {
            Files.createFile(config);
        }
        long t0 = System.nanoTime();
        int httpPort = http ? freePort() : -1;
        List<String> cmd = new java.util.ArrayList<>(List.of(ctx.root().resolve("bin/queuectld").toString(), "--detach",
                "--data-dir", dataDir.toString(), "--socket", socket.toString(), "--config", config.toString()));
        if (http) {
            cmd.addAll(List.of("--http-listen", "127.0.0.1:" + httpPort, "--http-max-event-streams", "256"));
        }
        cmd.addAll(flags);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        ctx.cleanEnvironment(pb.environment());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("queuectld --detach did not return within 120s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("queuectld --detach failed (exit " + p.exitValue() + "): "
                    + new String(out, StandardCharsets.UTF_8).strip());
        }
        long pid;
        try (WireConnection c = WireConnection.open(socket)) {
            pid = Json.number(c.callObject("{\"op\":\"status\"}").get("pid"), "status pid");
        }
        BenchContext.progress(String.format(java.util.Locale.ROOT, "queuectld pid %d started in %.1f s", pid,
                (System.nanoTime() - t0) / 1e9));
        Daemon d = new Daemon(ctx, dataDir, socket, pid, httpPort);
        ctx.register(d);
        return d;
    }

    Path socket() {
        return socket;
    }

    /** The HTTP listener's port, or -1 without one. */
    int httpPort() {
        return httpPort;
    }

    /** The dashboard's read-write token, asked for over the socket as {@code queuectl dashboard --token} does. */
    String token() throws IOException {
        try (WireConnection c = connect()) {
            String url = (String) c.callObject("{\"op\":\"dashboard\"}").get("url");
            return url.substring(url.indexOf("token=") + "token=".length());
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }


    long pid() {
        return pid;
    }

    WireConnection connect() throws IOException {
        return WireConnection.open(socket);
    }

    /** The daemon's resident set size in bytes (VmRSS of /proc/PID/status). */
    long rssBytes() throws IOException {
        return ProcStatus.rssBytes(pid);
    }

    /** CPU time (user + system) the daemon has used so far, in nanoseconds. */
    long cpuNanos() throws IOException {
        return ProcStatus.cpuNanos(pid);
    }

    /** Drains the daemon and waits until its process has exited. Idempotent. */
    @Override
    public void close() throws IOException {
        if (stopped) {
            return;
        }
        stopped = true;
        ctx.unregister(this);
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        String drainError = null;
        try (WireConnection c = connect()) {
            c.call("{\"op\":\"drain\",\"timeout\":\"10s\"}");
        } catch (IOException | RuntimeException e) {
            drainError = e.getMessage();
        }
        if (waitForExit(60)) {
            BenchContext.progress(String.format(java.util.Locale.ROOT, "queuectld pid %d drained and exited in %.1f s",
                    pid, (System.nanoTime() - t0) / 1e9));
            if (drainError != null) {
                throw new IOException("drain of queuectld pid " + pid + " failed (" + drainError + "), though it exited");
            }
            return;
        }
        // Last resort, and only if the pid is still this daemon.
        if (isStillThisDaemon()) {
            handle.get().destroy();
            if (!waitForExit(15) && isStillThisDaemon()) {
                handle.get().destroyForcibly();
                waitForExit(15);
            }
        }
        throw new IOException("queuectld pid " + pid + " did not exit after drain"
                + (drainError == null ? "" : " (" + drainError + ")") + "; it was terminated");
    }

    /**
     * Waits until the process has exited. A zombie counts as exited: the detached daemon's
     * parent is gone, so it is reaped by whatever init the machine runs, sometimes seconds later.
     */
    private boolean waitForExit(int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (hasExited()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return hasExited();
            }
        }
        return hasExited();
    }

    private boolean hasExited() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Field 3, after the parenthesised command name, is the state.
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return state.equals("Z") || state.equals("X");
        } catch (IOException | IndexOutOfBoundsException e) {
            return true; // gone
        }
    }

    private boolean isStillThisDaemon() {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String s = new String(cmdline, StandardCharsets.UTF_8);
            return s.contains("dev.queuectl.daemon.Main") && s.contains(socket.toString());
        } catch (IOException e) {
            return false;
        }
    }
}

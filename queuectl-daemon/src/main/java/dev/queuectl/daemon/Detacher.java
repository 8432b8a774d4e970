package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonSettings;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code queuectld --detach}: starts the same daemon command without {@code --detach} in a new
 * session (stdin from /dev/null, output appended to {@code queuectld.log} in the data dir) and
 * waits until its socket accepts connections. If the daemon exits first, its own error lines
 * are shown and the exit status is non-zero.
 */
final class Detacher {
    private static final long READY_TIMEOUT_MS = 60_000;

    private Detacher() {
    }

    static int detach(DaemonSettings settings, Map<String, String> env) throws IOException, InterruptedException {
        if (SocketPaths.accepts(settings.socket())) {
            System.err.println("queuectld: another queuectld is already listening on " + settings.socket());
            return 1;
        }
        Path dataDir = settings.dataDir();
        try {
            if (!Files.isDirectory(dataDir)) {
                Files.createDirectories(dataDir);
                Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            System.err.println("queuectld: cannot create the data dir " + dataDir + ": " + e.getMessage());
            return 1;
        }
        Path logFile = dataDir.resolve("queuectld.log");
        if (!Files.exists(logFile)) {
            Files.createFile(logFile, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        long logStart = Files.size(logFile);

        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute() || new File("/bin/setsid").canExecute()) {
            command.add("setsid");
        }
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        // The resolved settings travel as flags, so the child cannot resolve them differently.
        command.addAll(settings.toFlags());
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process child = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (child.waitFor(50, TimeUnit.MILLISECONDS)) {
                System.err.println("queuectld: the daemon exited during start-up (status " + child.exitValue() + "):");
                System.err.print(tail(logFile, logStart));
                return 1;
            }
            if (SocketPaths.accepts(settings.socket())) {
                System.out.println("queuectld started (pid " + child.pid() + ") on " + settings.socket());
                System.out.println("data dir " + dataDir + ", log " + logFile);
                return 0;
            }
        }
        System.err.println("queuectld: the daemon did not accept connections within "
                + READY_TIMEOUT_MS / 1000 + "s; see " + logFile);
        return 1;
    }

    private static String tail(Path logFile, long from) {
        try (RandomAccessFile f = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(from, f.length() - 8192);
            byte[] buf = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")\n";
        }
    }
}

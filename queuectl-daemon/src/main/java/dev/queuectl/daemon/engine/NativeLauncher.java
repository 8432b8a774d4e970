package dev.queuectl.daemon.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast launcher: {@code posix_spawn} with {@code POSIX_SPAWN_SETSID} through a small JNI
 * library shipped in the daemon jar (one vfork+exec per run, no helper process), plus waitpid,
 * kill and hole punching. The library is copied out of the jar into the data dir once and loaded
 * from there.
 */
final class NativeLauncher implements ProcessLauncher {
    private static final Logger log = LoggerFactory.getLogger(NativeLauncher.class);
    private static final byte[] SHELL = "/bin/sh".getBytes(StandardCharsets.UTF_8);

    private NativeLauncher() {
    }

    /** Loads the library into {@code libDir}; empty when it is missing or cannot load here. */
    static Optional<ProcessLauncher> load(Path libDir) {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String platform = arch.equals("amd64") || arch.equals("x86_64") ? "linux-x86_64"
                : arch.equals("aarch64") ? "linux-aarch64" : null;
        if (platform == null || !System.getProperty("os.name", "").equals("Linux")) {
            return Optional.empty();
        }
        String resource = "/native/" + platform + "/libqueuectl.so";
        try (InputStream in = NativeLauncher.class.getResourceAsStream(resource)) {
            if (in == null) {
                log.warn("the native launcher is not in this build (no C compiler at build time?)");
                return Optional.empty();
            }
            byte[] lib = in.readAllBytes();
            Path target = libDir.resolve("libqueuectl-" + digest(lib) + ".so");
            if (!Files.exists(target)) {
                Files.createDirectories(libDir);
                Path tmp = Files.createTempFile(libDir, "libqueuectl", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.write(tmp, lib);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            System.load(target.toAbsolutePath().toString());
            return Optional.of(new NativeLauncher());
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            log.warn("cannot load the native launcher: {}", e.toString());
            return Optional.empty();
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static native int spawn(byte[] path, byte[] argv, int argc, byte[] env, int envc, byte[] cwd, byte[] out);

    private static native int waitFor(int pid);

    private static native int kill(int pid, int signal);

    private static native int punchHole(byte[] path, long length);

    private static byte[] block(List<String> strings) {
        StringBuilder b = new StringBuilder();
        for (String s : strings) {
            b.append(s).append('\0');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] cString(Object o) {
        return (o.toString() + '\0').getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public StartedProcess start(LaunchSpec spec) throws IOException {
        List<String> argv = List.of("sh", "-c", spec.command());
        int pid = spawn(cString(new String(SHELL, StandardCharsets.UTF_8)), block(argv), argv.size(), block(spec.env()),
                spec.env().size(), cString(spec.workDir()), cString(spec.output()));
        if (pid <= 0) {
            throw new IOException(Errno.describe(-pid));
        }
        return new StartedProcess() {
            @Override
            public int pid() {
                return pid;
            }

            @Override
            public int waitFor() {
                int status = NativeLauncher.waitFor(pid);
                if (status < 0) {
                    throw new IllegalStateException("waitpid(" + pid + "): " + Errno.describe(-status));
                }
                return status;
            }
        };
    }

    @Override
    public boolean signalGroup(int pgid, int signal) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("refusing to signal process group " + pgid);
        }
        return kill(-pgid, signal) == 0;
    }

    @Override
    public boolean punchHole(Path file, long length) {
        return length > 0 && punchHole(cString(file), length) == 0;
    }

    @Override
    public String describe() {
        return "native posix_spawn launcher";
    }
}

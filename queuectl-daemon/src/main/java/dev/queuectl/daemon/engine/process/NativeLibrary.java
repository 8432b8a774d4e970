package dev.queuectl.daemon.engine.process;

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
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * queuectl's small JNI library ({@code src/main/native}), shipped inside the daemon jar: process
 * spawning in a new session (and a cgroup), reaping, signals, hole punching, and sd_notify. Copied out of
 * the jar into the data dir once (named by its hash) and loaded from there. Every native returns
 * {@code -errno} on failure and never throws. Thread-safe.
 */
public final class NativeLibrary {
    private static final Logger log = LoggerFactory.getLogger(NativeLibrary.class);
    private static volatile boolean loaded;

    private NativeLibrary() {
    }

    /** Loads the library from the jar into {@code libDir}; false when it is missing or cannot load here. */
    static synchronized boolean load(Path libDir) {
        if (loaded) {
            return true;
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String platform = arch.equals("amd64") || arch.equals("x86_64") ? "linux-x86_64"
                : arch.equals("aarch64") ? "linux-aarch64" : null;
        if (platform == null || !System.getProperty("os.name", "").equals("Linux")) {
            return false;
        }
        String resource = "/native/" + platform + "/libqueuectl.so";
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                log.warn("the native library is not in this build (no C compiler at build time?)");
                return false;
            }
            byte[] lib = in.readAllBytes();
            Path target = libDir.resolve("libqueuectl-" + digest(lib) + ".so");
            if (!Files.exists(target)) {
                Files.createDirectories(libDir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                Path tmp = Files.createTempFile(libDir, "libqueuectl", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.write(tmp, lib);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            System.load(target.toAbsolutePath().toString());
            loaded = true;
            return true;
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            log.warn("cannot load the native library: {}", e.toString());
            return false;
        }
    }

    public static boolean loaded() {
        return loaded;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the pid, or {@code -(stage << 16 | errno)}: stage 1 when joining the cgroup failed. */
    static native int spawn(byte[] path, byte[] argv, int argc, byte[] env, int envc, byte[] cwd, byte[] out,
                            int cgroupFd);

    /** open(2) for writing, close-on-exec: the fd, or -errno. */
    static native int openForWriting(byte[] path);

    static native int closeFd(int fd);

    static native int waitFor(int pid);

    /** Field 22 of /proc/PID/stat (start time in clock ticks after boot), or -errno. */
    static native long procStartTime(int pid);

    static native int kill(int pid, int signal);

    static native int punchHole(byte[] path, long length);

    private static native int sdNotify(byte[] socket, byte[] message);

    private static native int limitMallocArenas(int arenas);

    /**
     * Loads the library (into {@code libDir}) and caps the process's malloc arenas, which keeps
     * the daemon's resident memory small. Call early, before most threads exist.
     */
    public static void prepare(Path libDir) {
        if (load(libDir)) {
            limitMallocArenas(2);
        }
    }

    /**
     * Sends a notification to systemd (READY=1, STOPPING=1, STATUS=...). Returns 0, or -errno;
     * -38 (ENOSYS) when the library is not loaded.
     */
    public static int notifySystemd(String socket, String message) {
        if (!loaded) {
            return -38;
        }
        return sdNotify(socket.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8));
    }
}

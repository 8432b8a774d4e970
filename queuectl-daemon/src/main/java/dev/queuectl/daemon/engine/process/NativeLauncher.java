package dev.queuectl.daemon.engine.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The fast launcher: a vfork-style clone whose child calls setsid, joins the run's cgroup (when it
 * has one) and execs the shell, through a small JNI library shipped in the daemon jar (one
 * clone+exec per run, no helper process), plus waitpid, kill and hole punching, all from
 * {@link NativeLibrary}.
 */
public final class NativeLauncher implements ProcessLauncher {
    private static final String SHELL = "/bin/sh";

    private NativeLauncher() {
    }

    /** The launcher, if the native library loads from {@code libDir}. */
    public static Optional<ProcessLauncher> load(Path libDir) {
        return NativeLibrary.load(libDir) ? Optional.of(new NativeLauncher()) : Optional.empty();
    }

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
        int cgroupFd = spec.cgroup() == null ? -1 : spec.cgroup().procsFd();
        int pid = NativeLibrary.spawn(cString(SHELL), block(argv), argv.size(), block(spec.env()),
                spec.env().size(), cString(spec.workDir()), cString(spec.output()), cgroupFd);
        if (pid <= 0) {
            int errno = -pid & 0xFFFF;
            if (-pid >> 16 == 1) {
                throw new IOException("cannot join the cgroup " + spec.cgroup().dir() + ": " + Errno.describe(errno));
            }
            throw new IOException(Errno.describe(errno));
        }
        return new StartedProcess() {
            @Override
            public int pid() {
                return pid;
            }

            @Override
            public long startTime() {
                long ticks = NativeLibrary.procStartTime(pid);
                return ticks < 0 ? 0 : ticks;
            }

            @Override
            public int waitFor() {
                int status = NativeLibrary.waitFor(pid);
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
        return NativeLibrary.kill(-pgid, signal) == 0;
    }

    @Override
    public boolean signal(int pid, int signal) {
        if (pid <= 1) {
            throw new IllegalArgumentException("refusing to signal process " + pid);
        }
        return NativeLibrary.kill(pid, signal) == 0;
    }

    @Override
    public boolean punchHole(Path file, long length) {
        return length > 0 && NativeLibrary.punchHole(cString(file), length) == 0;
    }

    @Override
    public String describe() {
        return "native launcher (vfork-style clone, setsid, exec)";
    }
}

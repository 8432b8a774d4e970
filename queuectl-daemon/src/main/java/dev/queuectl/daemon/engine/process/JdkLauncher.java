package dev.queuectl.daemon.engine.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fallback launcher when the native library is unavailable: ProcessBuilder running
 * {@code setsid /bin/sh -c COMMAND}. It keeps the process-group guarantees but spawns at about
 * half the native rate, and it cannot tell "killed by signal N" from "exit code 128+N".
 *
 * <p>Java cannot run code in the child before exec, so a run with a cgroup starts as a small
 * shell that moves itself into the cgroup (writing 0 to its {@code cgroup.procs}) and then
 * execs the run's shell in the same process: nothing the run starts is ever outside it.
 */
public final class JdkLauncher implements ProcessLauncher {
    /** Exit status of a run whose shell could not join its cgroup. */
    static final int CGROUP_FAILED = 125;
    private static final String JOIN_CGROUP = "echo 0 >\"$0\""
            + " || { echo \"queuectl: cannot join the cgroup of this run ($0)\" >&2; exit " + CGROUP_FAILED + "; };"
            + " exec /bin/sh -c \"$1\"";

    private final String setsid;

    public JdkLauncher() {
        this.setsid = new File("/usr/bin/setsid").canExecute() ? "/usr/bin/setsid"
                : new File("/bin/setsid").canExecute() ? "/bin/setsid" : null;
        if (setsid == null) {
            throw new IllegalStateException("setsid(1) is missing; install util-linux");
        }
    }

    @Override
    public StartedProcess start(LaunchSpec spec) throws IOException {
        List<String> argv = spec.cgroup() == null ? List.of(setsid, "/bin/sh", "-c", spec.command())
                : List.of(setsid, "/bin/sh", "-c", JOIN_CGROUP, spec.cgroup().procsFile().toString(), spec.command());
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(spec.workDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.output().toFile()))
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        for (String entry : spec.env()) {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        Process p = pb.start();
        return new StartedProcess() {
            @Override
            public int pid() {
                return (int) p.pid();
            }

            @Override
            public long startTime() {
                ProcInfo.Stat stat = ProcInfo.stat((int) p.pid());
                return stat == null ? 0 : stat.startTime();
            }

            @Override
            public int waitFor() throws InterruptedException {
                int code = p.waitFor();
                return code > 128 && code < 128 + 65 ? 256 + code - 128 : code;
            }
        };
    }

    @Override
    public boolean signalGroup(int pgid, int signal) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("refusing to signal process group " + pgid);
        }
        try {
            Process kill = new ProcessBuilder(List.of("kill", "-" + signal, "--", "-" + pgid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean signal(int pid, int signal) {
        if (pid <= 1) {
            throw new IllegalArgumentException("refusing to signal process " + pid);
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        if (signal == SIGTERM) {
            return p.get().destroy();
        }
        if (signal == SIGKILL) {
            return p.get().destroyForcibly();
        }
        throw new IllegalArgumentException("the JDK launcher sends SIGTERM and SIGKILL only, not " + signal);
    }

    @Override
    public boolean punchHole(Path file, long length) {
        return false;
    }

    @Override
    public String describe() {
        return "ProcessBuilder + setsid(1) launcher (slower; the native library is unavailable)";
    }
}

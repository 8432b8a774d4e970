package dev.queuectl.daemon.engine.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fallback launcher when the native library is unavailable: ProcessBuilder running
 * {@code setsid /bin/sh -c COMMAND}. It keeps the process-group guarantees but spawns at about
 * half the native rate, and it cannot tell "killed by signal N" from "exit code 128+N".
 */
public final class JdkLauncher implements ProcessLauncher {
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
        ProcessBuilder pb = new ProcessBuilder(setsid, "/bin/sh", "-c", spec.command())
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
    public boolean punchHole(Path file, long length) {
        return false;
    }

    @Override
    public String describe() {
        return "ProcessBuilder + setsid(1) launcher (slower; the native library is unavailable)";
    }
}

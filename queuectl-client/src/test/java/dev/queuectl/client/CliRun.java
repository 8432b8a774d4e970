package dev.queuectl.client;

import dev.queuectl.client.transport.Deadlines;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the real queuectl command line in-process, the way main does, capturing its output. Times
 * are shown in UTC unless a test chooses a zone, so that output does not depend on the machine.
 */
final class CliRun {
    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** The surroundings of one run: environment, stdin, zone, deadlines. */
    static final class Setup {
        private final Map<String, String> env = new HashMap<>();
        private String stdin = "";
        private ZoneId zone = ZoneOffset.UTC;
        private Deadlines deadlines = Deadlines.DEFAULT;
        private Path cwd = Path.of(System.getProperty("user.dir"));

        Setup(Path socket) {
            env.put("HOME", "/nonexistent-home");
            if (socket != null) {
                env.put("QUEUECTL_SOCKET", socket.toString());
            }
        }

        Setup env(String name, String value) {
            env.put(name, value);
            return this;
        }

        Setup stdin(String text) {
            stdin = text;
            return this;
        }

        Setup zone(ZoneId z) {
            zone = z;
            return this;
        }

        Setup deadlines(Deadlines d) {
            deadlines = d;
            return this;
        }

        /** The shell's directory, where jobs run unless told otherwise. */
        Setup cwd(Path dir) {
            cwd = dir;
            return this;
        }

        CliRun run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            ClientContext context = new ClientContext(env, Clock.systemUTC(),
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), zone, deadlines, cwd);
            int code = Cli.create(context, new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
            return new CliRun(code, out.toString(), err.toString());
        }
    }

    static Setup with(Path socket) {
        return new Setup(socket);
    }

    /**
     * Runs the command line as if from a shell in directory {@code cwd} whose environment holds
     * {@code extraEnv} too.
     */
    static CliRun in(Path socket, Path cwd, Map<String, String> extraEnv, String stdin, String... args) {
        Setup setup = with(socket).cwd(cwd).stdin(stdin);
        extraEnv.forEach(setup::env);
        return setup.run(args);
    }

    static CliRun withStdin(Path socket, String stdin, String... args) {
        return with(socket).stdin(stdin).run(args);
    }

    static CliRun run(Path socket, String... args) {
        return with(socket).run(args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}

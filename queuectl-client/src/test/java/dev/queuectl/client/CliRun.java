package dev.queuectl.client;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the real queuectl command line in-process, the way main does, capturing its output. */
final class CliRun {
    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun withStdin(Path socket, String stdin, String... args) {
        return in(socket, Path.of(System.getProperty("user.dir")), Map.of(), stdin, args);
    }

    /**
     * Runs the command line as if from a shell in directory {@code cwd} whose environment holds
     * {@code extraEnv} too.
     */
    static CliRun in(Path socket, Path cwd, Map<String, String> extraEnv, String stdin, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", "/nonexistent-home");
        if (socket != null) {
            env.put("QUEUECTL_SOCKET", socket.toString());
        }
        env.putAll(extraEnv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ClientContext context = new ClientContext(env, Clock.systemUTC(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), cwd);
        int code = Cli.create(context, new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(Path socket, String... args) {
        return withStdin(socket, "", args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}

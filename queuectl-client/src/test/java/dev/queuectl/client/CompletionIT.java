package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.config.DaemonSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The completion scripts ask the running daemon, through the checkout's {@code bin/queuectl}, for
 * the values only it knows: job ids (of the states a command acts on, most recent first), label
 * keys and config keys; with no daemon they offer nothing and fail nothing.
 */
class CompletionIT {
    private static final Path ROOT = Path.of(System.getProperty("queuectl.root", "..")).toAbsolutePath().normalize();

    @RegisterExtension
    final ShortTempDir temp = new ShortTempDir();
    private Path root;
    private Path socket;
    private QueueDaemon daemon;

    @BeforeEach
    void start() throws IOException {
        root = temp.path();
        socket = root.resolve("d.sock");
        daemon = QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket));
        assertEquals(0, CliRun.run(socket, "worker", "stop").exitCode);
        CliRun.run(socket, "enqueue", "--id", "build-1", "--label", "team=infra", "true");
        CliRun.run(socket, "enqueue", "--id", "build-2", "--label", "tier=1", "true");
        CliRun.run(socket, "enqueue", "--id", "deploy-1", "true");
        CliRun.run(socket, "cancel", "build-1");
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
    }

    private String shell(List<String> cmd, Path socketToUse) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", ROOT.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("QUEUECTL_SOCKET", socketToUse.toString());
        pb.environment().put("QUEUECTL_NO_CDS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private String bash(Path socketToUse, String... words) throws Exception {
        String script = CompletionTest.script(root, "bash");
        StringBuilder w = new StringBuilder();
        for (String word : words) {
            w.append(" '").append(word).append('\'');
        }
        return shell(List.of("bash", "-c", "source " + script + "; COMP_WORDS=(" + w + "); COMP_CWORD="
                + (words.length - 1) + "; _queuectl; echo \"${COMPREPLY[@]}\""), socketToUse);
    }

    @Test
    void bashAsksTheDaemonForJobIdsLabelKeysAndConfigKeys() throws Exception {
        if (!CompletionTest.installed("bash")) {
            return;
        }
        assertEquals("deploy-1 build-2 build-1", bash(socket, "queuectl", "show", ""), "most recent first");
        assertEquals("build-2 build-1", bash(socket, "queuectl", "logs", "bu"));
        assertEquals("build-1", bash(socket, "queuectl", "dlq", "retry", ""), "only dead jobs can be retried");
        assertEquals("deploy-1 build-2", bash(socket, "queuectl", "hold", ""), "only waiting jobs can be held");
        assertEquals("team= tier=", bash(socket, "queuectl", "list", "--label", "t"));
        assertEquals("backoff_base backoff_max", bash(socket, "queuectl", "config", "get", "back"));
        assertEquals("", bash(root.resolve("nothing-here.sock"), "queuectl", "show", ""),
                "no daemon: nothing offered, nothing printed");
    }

    @Test
    void fishAsksTheDaemonForJobIds() throws Exception {
        if (!CompletionTest.installed("fish")) {
            return;
        }
        String script = CompletionTest.script(root, "fish");
        String ids = shell(List.of("fish", "--no-config", "-c", "source " + script + "; complete -C 'queuectl wait '"),
                socket);
        assertEquals(List.of("deploy-1", "build-2", "build-1"), List.of(ids.split("\n")));
        String dead = shell(List.of("fish", "--no-config", "-c", "source " + script
                + "; complete -C 'queuectl dlq purge b'"), socket);
        assertEquals("build-1", dead);
    }

    @Test
    void theHelperPrintsCandidatesOnePerLineAndNothingWithoutADaemon() {
        CliRun ids = CliRun.run(socket, "__complete", "job_ids:pending", "--", "b");
        assertEquals(0, ids.exitCode, ids::toString);
        assertEquals("build-2\n", ids.out);
        CliRun none = CliRun.run(root.resolve("nothing-here.sock"), "__complete", "label_keys", "--", "");
        assertEquals("", none.out);
        assertEquals("", none.err);
        assertTrue(CliRun.run(socket, "--help").out.indexOf("__complete") < 0, "hidden from help");
    }
}

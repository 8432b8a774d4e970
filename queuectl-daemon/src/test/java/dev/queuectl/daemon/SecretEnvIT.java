package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job's environment values are secrets: after a daemon (as a subprocess, JSON log, so every
 * key-value pair of every log line is written out) has stored, listed, shown, edited, run,
 * failed, refused and bulk-acted on jobs carrying one, the secret is nowhere in its log, its
 * metrics, or any answer that did not ask for it.
 */
class SecretEnvIT {
    private static final String SECRET = "s3cr3t-Vx9-queuectl";

    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();

    @Test
    void aSecretInAJobsEnvironmentIsNeverLoggedShownOrEchoed() throws Exception {
        Path root = tmp.path();
        List<String> answers = new ArrayList<>();
        try (DaemonProcess d = DaemonProcess.start(root.resolve("data"), root.resolve("d.sock"), "--log-format=json");
             RawClient c = new RawClient(d.socket)) {
            String env = "{\"API_TOKEN\":\"" + SECRET + "\"}";
            answers.add(c.call("{\"op\":\"enqueue\",\"id\":\"ok\",\"command\":\"test -n \\\"$API_TOKEN\\\"\",\"env\":"
                    + env + "}").toString());
            answers.add(c.call("{\"op\":\"enqueue\",\"id\":\"bad\",\"command\":\"exit 3\",\"max_retries\":1,\"env\":"
                    + env + "}").toString());
            answers.add(c.call("{\"op\":\"enqueue\",\"id\":\"nowhere\",\"command\":\"true\",\"max_retries\":0,"
                    + "\"cwd\":\"/nonexistent/dir\",\"env\":" + env + "}").toString());
            answers.add(c.call("{\"op\":\"enqueue\",\"id\":\"ok\",\"command\":\"true\",\"env\":" + env + "}").toString());
            answers.add(c.call("{\"op\":\"enqueue\",\"command\":\"true\",\"env\":{\"BAD NAME\":\"" + SECRET + "\"}}")
                    .toString());
            answers.add(c.call("{\"op\":\"enqueue\",\"command\":\"true\",\"env\":{\"NUL\":\"" + SECRET + "\\u0000\"}}")
                    .toString());
            answers.add(c.call("{\"op\":\"enqueue\",\"command\":\"true\",\"env\":{\"QUEUECTL_X\":\"" + SECRET + "\"}}")
                    .toString());
            Map<String, Object> ok = awaitState(c, "ok", "completed", Duration.ofSeconds(20));
            answers.add(ok.toString());
            answers.add(awaitState(c, "bad", "dead", Duration.ofSeconds(20)).toString());
            answers.add(awaitState(c, "nowhere", "dead", Duration.ofSeconds(20)).toString());
            answers.add(c.call("{\"op\":\"enqueue\",\"id\":\"later\",\"command\":\"true\",\"delay\":\"1h\",\"env\":"
                    + env + "}").toString());
            answers.add(c.call("{\"op\":\"edit\",\"id\":\"later\",\"env\":{\"OTHER\":\"" + SECRET + "\"}}").toString());
            answers.add(c.call("{\"op\":\"edit\",\"id\":\"ok\",\"env\":{\"OTHER\":\"" + SECRET + "\"}}").toString());
            answers.add(c.call("{\"op\":\"list\"}").toString());
            answers.add(c.call("{\"op\":\"list\",\"search\":\"" + SECRET + "\"}").toString());
            answers.add(c.call("{\"op\":\"rerun\",\"filter\":{\"state\":\"dead\"},\"dry_run\":true}").toString());
            answers.add(c.call("{\"op\":\"cancel\",\"ids\":[\"later\",\"ok\"]}").toString());
            answers.add(c.call("{\"op\":\"status\"}").toString());
            answers.add(c.call("{\"op\":\"metrics\"}").toString());
            answers.add(c.call("{\"op\":\"show\",\"id\":\"bad\"}").toString());
            assertEquals(SECRET, ((Map<?, ?>) c.ok("{\"op\":\"show\",\"id\":\"bad\",\"show_env\":true}").get("env"))
                    .get("API_TOKEN"), "shown when asked for");
            assertEquals("exit code 3", ((String) Jobs.show(c, "bad").get("last_error")).strip());
            d.terminate();
        }
        String log = Files.readString(root.resolve("daemon.out"));
        assertTrue(log.contains("\"job\":\"bad\""), "the job log lines were written: " + log);
        assertFalse(log.contains(SECRET), "the secret is in the daemon log:\n" + log);
        for (String a : answers) {
            assertFalse(a.contains(SECRET), "an answer shows the secret: " + a);
        }
    }
}

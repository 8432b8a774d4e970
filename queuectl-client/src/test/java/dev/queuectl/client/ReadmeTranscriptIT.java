package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.config.DaemonSettings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's examples are transcripts of this build: every block marked {@code <!-- transcript -->}
 * is run, in README order, with {@code /bin/sh} and the checkout's {@code bin/queuectl} on the
 * PATH, against one fresh daemon, and each command must print what the README says (times,
 * durations, pids and paths aside; see {@link ReadmeTranscripts#normalize}).
 *
 * <p>To regenerate the blocks from a real run: {@code ./mvnw verify -pl queuectl-client -am
 * -Dit.test=ReadmeTranscriptIT -Dqueuectl.readme.update=true} rewrites each block's output with
 * what this build printed (paths put back as the README shows them), then review the diff.
 */
class ReadmeTranscriptIT {
    private static final Path ROOT = Path.of(System.getProperty("queuectl.root", "..")).toAbsolutePath().normalize();
    private static final Path README = ROOT.resolve("README.md");
    private static final String SHOWN_SOCKET = "/run/user/1000/queuectl/queuectld.sock";
    private static final String SHOWN_DATA_DIR = "/home/me/.local/state/queuectl";
    private static final String SHOWN_WORK_DIR = "/home/me/project";

    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();

    private record Output(int code, String text) {
    }

    private Output sh(String command, Path work, Path socket) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command + " 2>&1").directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("PATH", ROOT.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("QUEUECTL_SOCKET", socket.toString());
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("QUEUECTL_NO_CDS", "1");
        pb.environment().put("TZ", "UTC");
        pb.environment().remove("COLUMNS");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("README command did not finish within 120s: " + command);
        }
        return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void everyMarkedExampleIsWhatThisBuildPrints() throws Exception {
        List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<ReadmeTranscripts.Transcript> transcripts = ReadmeTranscripts.parse(readme);
        assertTrue(transcripts.size() >= 1, "the README marks its examples with <!-- transcript -->");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(tmp.resolve("home"));
        Path socket = tmp.resolve("run/d.sock");
        Path data = tmp.resolve("data");
        boolean update = Boolean.getBoolean("queuectl.readme.update");
        List<String> problems = new ArrayList<>();
        List<String> rewritten = new ArrayList<>(readme);
        int shift = 0;
        try (QueueDaemon daemon = QueueDaemon.start(DaemonSettings.of(data, socket))) {
            for (ReadmeTranscripts.Transcript t : transcripts) {
                for (ReadmeTranscripts.SetupFile f : t.files()) {
                    Files.writeString(work.resolve(f.name()), f.content());
                }
                for (String c : t.setup()) {
                    Output o = sh(c, work, socket);
                    if (o.code() != 0) {
                        problems.add("README line " + t.line() + ": set-up '" + c + "' failed (" + o.code() + "): " + o.text());
                    }
                }
                for (ReadmeTranscripts.Step s : t.steps()) {
                    Output o = sh(s.command(), work, socket);
                    List<String> actual = new ArrayList<>();
                    for (String l : o.text().isEmpty() ? List.<String>of() : List.of(o.text().split("\n", -1))) {
                        // paths as the README shows them: the reader's socket, data dir and project
                        actual.add(l.replace(socket.toString(), SHOWN_SOCKET).replace(data.toString(), SHOWN_DATA_DIR)
                                .replace(work.toString(), SHOWN_WORK_DIR));
                    }
                    if (!ReadmeTranscripts.normalize(s.expected()).equals(ReadmeTranscripts.normalize(actual))) {
                        problems.add("README line " + s.line() + ": $ " + s.command() + "\n  README says:\n    "
                                + String.join("\n    ", s.expected()) + "\n  this build printed:\n    "
                                + String.join("\n    ", actual));
                    }
                    if (update) {
                        List<String> shown = new ArrayList<>(ReadmeTranscripts.normalize(actual).isEmpty()
                                ? List.<String>of() : actual);
                        while (!shown.isEmpty() && shown.get(shown.size() - 1).isEmpty()) {
                            shown.remove(shown.size() - 1);
                        }
                        int at = s.line() + shift; // the command's line, 1-based: output starts after it
                        for (int n = 0; n < s.expected().size(); n++) {
                            rewritten.remove(at);
                        }
                        rewritten.addAll(at, shown);
                        shift += shown.size() - s.expected().size();
                    }
                }
            }
        }
        if (update) {
            Files.write(README, rewritten, StandardCharsets.UTF_8);
            return;
        }
        assertEquals("", String.join("\n\n", problems), problems.size() + " README example(s) differ from this build");
    }
}

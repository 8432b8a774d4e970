package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion scripts come from the command model and load in the shell. */
class CompletionTest {
    @TempDir
    Path tmp;

    @Test
    void bashLoadsTheScriptAndCompletesCommands() throws Exception {
        CliRun r = CliRun.run(null, "completion", "bash");
        assertEquals(0, r.exitCode, r::toString);
        Path script = tmp.resolve("queuectl.bash");
        Files.writeString(script, r.out);
        Process bash = new ProcessBuilder("bash", "-c", "source " + script
                + "; COMP_WORDS=(queuectl dlq ''); COMP_CWORD=2; _complete_queuectl 2>/dev/null; echo \"${COMPREPLY[@]}\"")
                .redirectErrorStream(true).start();
        String words = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, bash.waitFor());
        assertTrue(words.contains("retry") && words.contains("purge") && words.contains("list"), words);
    }

    @Test
    void zshGetsTheScriptThroughBashcompinitAndOtherShellsAreRefused() {
        CliRun zsh = CliRun.run(null, "completion", "zsh");
        assertEquals(0, zsh.exitCode, zsh::toString);
        assertTrue(zsh.out.startsWith("# queuectl completion for zsh"), zsh.out);
        assertTrue(zsh.out.contains("bashcompinit"));
        CliRun fish = CliRun.run(null, "completion", "fish");
        assertEquals(2, fish.exitCode);
        assertTrue(fish.err.contains("choose bash or zsh"), fish.err);
    }
}

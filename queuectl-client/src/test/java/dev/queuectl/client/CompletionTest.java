package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion scripts come from the command model and load in their shell; what they complete
 * without a daemon (commands, options, states) is checked here, what they ask the daemon for in
 * {@code CompletionIT}. A shell that is not installed is reported and its check skipped (CI
 * installs bash, zsh and fish).
 */
class CompletionTest {
    @TempDir
    Path tmp;

    static boolean installed(String shell) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, shell))) {
                return true;
            }
        }
        System.out.println("[completion] " + shell + " is not installed: its completion script is not checked here"
                + " (.ci/run installs it)");
        return false;
    }

    static String script(Path dir, String shell) throws Exception {
        CliRun r = CliRun.run(null, "completion", shell);
        assertEquals(0, r.exitCode, r::toString);
        Path script = dir.resolve("queuectl." + shell);
        Files.writeString(script, r.out);
        return script.toString();
    }

    /** Runs {@code cmd} with {@code shell -c}; returns what it printed. */
    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** What bash offers for the words (the last one being completed). */
    static String bash(String script, String... words) throws Exception {
        StringBuilder w = new StringBuilder();
        for (String word : words) {
            w.append(" '").append(word).append('\'');
        }
        return run(List.of("bash", "-c", "source " + script + "; COMP_WORDS=(" + w + "); COMP_CWORD="
                + (words.length - 1) + "; _queuectl; echo \"${COMPREPLY[@]}\""));
    }

    @Test
    void bashCompletesCommandsNestedCommandsOptionsAndStates() throws Exception {
        if (!installed("bash")) {
            return;
        }
        String script = script(tmp, "bash");
        String top = bash(script, "queuectl", "");
        for (String c : List.of("enqueue", "rerun", "edit", "hold", "release", "dlq", "completion")) {
            assertTrue((" " + top + " ").contains(" " + c + " "), top);
        }
        assertFalse(top.contains("__complete"), "the helper command is hidden");
        assertEquals("list purge retry", sorted(bash(script, "queuectl", "--json", "dlq", "")));
        assertTrue(bash(script, "queuectl", "dlq", "retry", "--d").contains("--dry-run"));
        assertEquals("failed", bash(script, "queuectl", "list", "--state", "f"));
        assertEquals("--env --env-file", sorted(bash(script, "queuectl", "enqueue", "--label", "a=b", "--env")));
        assertEquals("fish", bash(script, "queuectl", "completion", "f"));
    }

    private static String sorted(String words) {
        return String.join(" ", new java.util.TreeSet<>(List.of(words.split(" "))));
    }

    @Test
    void zshLoadsTheBashScriptThroughBashcompinit() throws Exception {
        CliRun zsh = CliRun.run(null, "completion", "zsh");
        assertEquals(0, zsh.exitCode, zsh::toString);
        assertTrue(zsh.out.startsWith("# queuectl completion for zsh"), zsh.out);
        if (!installed("zsh")) {
            return;
        }
        String script = script(tmp, "zsh");
        // bashcompinit calls the function from its compgen, in sh emulation; this does the same. Its
        // compgen leaves matching the typed prefix to zsh, so all of dlq's subcommands come back.
        String out = run(List.of("zsh", "-f", "-c", "source " + script + "; emulate -L sh;"
                + " COMP_WORDS=(queuectl dlq re); COMP_CWORD=2; _queuectl; echo \"${COMPREPLY[@]}\""));
        assertEquals("list purge retry", sorted(out.substring(out.lastIndexOf('\n') + 1)));
    }

    @Test
    void fishLoadsItsScriptAndCompletesCommandsAndOptions() throws Exception {
        CliRun other = CliRun.run(null, "completion", "tcsh");
        assertEquals(2, other.exitCode);
        assertTrue(other.err.contains("choose bash, zsh or fish"), other.err);
        if (!installed("fish")) {
            return;
        }
        String script = script(tmp, "fish");
        run(List.of("fish", "--no-execute", script));
        String subs = run(List.of("fish", "--no-config", "-c", "source " + script + "; complete -C 'queuectl dlq '"));
        assertTrue(subs.contains("retry") && subs.contains("purge") && !subs.contains("enqueue"), subs);
        String options = run(List.of("fish", "--no-config", "-c", "source " + script
                + "; complete -C 'queuectl list --st'"));
        assertTrue(options.startsWith("--state"), options);
        String states = run(List.of("fish", "--no-config", "-c", "source " + script
                + "; complete -C 'queuectl list --state '"));
        assertTrue(states.contains("pending") && states.contains("dead"), states);
    }
}

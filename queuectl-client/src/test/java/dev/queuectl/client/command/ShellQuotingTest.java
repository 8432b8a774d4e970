package dev.queuectl.client.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quoted command, run by the real /bin/sh, receives exactly the original arguments. */
class ShellQuotingTest {
    @Test
    void theShellSeesExactlyTheOriginalArguments() throws IOException, InterruptedException {
        List<String> args = List.of("plain", "two words", "it's", "$HOME", "`id`", "a\"b", "back\\slash", "*", "",
                "new\nline", "tab\there", ";rm -rf /tmp/nothing", "ünïcödé", "--flag=value");
        List<String> argv = new ArrayList<>();
        argv.add("printf");
        argv.add("%s\\0");
        argv.addAll(args);
        Process p = new ProcessBuilder("/bin/sh", "-c", ShellQuoting.join(argv)).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        String[] got = new String(out, StandardCharsets.UTF_8).split("\0", -1);
        assertEquals(args, List.of(got).subList(0, got.length - 1));
    }

    @Test
    void safeWordsStayReadable() {
        assertEquals("make -C /src/app build", ShellQuoting.join(List.of("make", "-C", "/src/app", "build")));
    }
}

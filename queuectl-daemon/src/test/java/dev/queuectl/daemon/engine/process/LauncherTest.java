package dev.queuectl.daemon.engine.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both launchers start a real shell in its own session and report its /proc start time. */
class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void nativeLauncherStartsANewSessionAndReportsItsStartTime() throws Exception {
        ProcessLauncher launcher = NativeLauncher.load(dir.resolve("lib")).orElseThrow(
                () -> new AssertionError("the native library is part of this build"));
        check(launcher);
    }

    @Test
    void jdkLauncherStartsANewSessionAndReportsItsStartTime() throws Exception {
        check(new JdkLauncher());
    }

    @Test
    void aChildThatCannotStartIsReportedAndLeavesNoZombie() throws Exception {
        ProcessLauncher launcher = NativeLauncher.load(dir.resolve("lib")).orElseThrow();
        Path missing = dir.resolve("no-such-dir");
        IOException e = assertThrows(IOException.class, () -> launcher.start(
                new LaunchSpec("true", List.of(), missing, dir.resolve("out"))));
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no such file"), e.getMessage());
        // the failed child was reaped: this process has no zombie children left
        assertTrue(ProcessHandle.current().children().noneMatch(c -> {
            ProcInfo.Stat s = ProcInfo.stat((int) c.pid());
            return s != null && s.state() == 'Z';
        }), "no zombie child");
    }

    private void check(ProcessLauncher launcher) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        StartedProcess p = launcher.start(new LaunchSpec("read x; echo \"$x|$QUEUECTL_T\"; exec sleep 60",
                List.of("QUEUECTL_T=yes", "PATH=/usr/bin:/bin"), dir, out));
        try {
            ProcInfo.Stat stat = ProcInfo.stat(p.pid());
            assertNotNull(stat, "the shell is running");
            assertEquals(p.pid(), stat.pgrp(), "the shell leads its own process group");
            assertTrue(p.startTime() > 0, "start time read");
            assertEquals(stat.startTime(), p.startTime(), "the start time /proc reports");
            // stdin is /dev/null (read gets nothing), the environment is the one given
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(out).equals("|yes\n"));
        } finally {
            launcher.signalGroup(p.pid(), ProcessLauncher.SIGKILL);
        }
        assertEquals(256 + ProcessLauncher.SIGKILL, p.waitFor(), "killed by SIGKILL");
    }
}

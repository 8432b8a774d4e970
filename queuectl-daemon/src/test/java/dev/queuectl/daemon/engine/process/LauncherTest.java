package dev.queuectl.daemon.engine.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both launchers start a real shell in its own session and report its /proc start time, and
 * start it inside a cgroup before it runs when asked to.
 */
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

    @Test
    void nativeLauncherStartsTheShellInsideItsCgroupBeforeItRuns() throws Exception {
        checkCgroup(NativeLauncher.load(dir.resolve("lib")).orElseThrow());
    }

    @Test
    void jdkLauncherStartsTheShellInsideItsCgroupBeforeItRuns() throws Exception {
        checkCgroup(new JdkLauncher());
    }

    @Test
    void aShellThatCannotJoinItsCgroupDoesNotRun() throws Exception {
        Path cgroup = testCgroup();
        CgroupSlot slot = new CgroupSlot(cgroup.resolve("slot-gone"));
        Path out = dir.resolve("out");
        ProcessLauncher nativeLauncher = NativeLauncher.load(dir.resolve("lib")).orElseThrow();
        IOException e = assertThrows(IOException.class, () -> nativeLauncher.start(
                new LaunchSpec("echo ran", List.of(), dir, out, slot)));
        assertTrue(e.getMessage().startsWith("cannot open") || e.getMessage().startsWith("cannot join the cgroup"),
                e.getMessage());
        StartedProcess p = new JdkLauncher().start(new LaunchSpec("echo ran", List.of(), dir, out, slot));
        assertEquals(JdkLauncher.CGROUP_FAILED, p.waitFor());
        assertTrue(Files.readString(out).contains("cannot join the cgroup"), Files.readString(out));
        assertFalse(Files.readString(out).contains("ran\n"), "the command never ran");
        Files.delete(cgroup);
    }

    /** A cgroup of the test's own under this process's cgroup; skipped (saying why) where none can be made. */
    private Path testCgroup() throws IOException {
        Path parent;
        try {
            parent = CgroupSetup.ownCgroup();
        } catch (IOException e) {
            System.out.println("[cgroup] cannot test launching into a cgroup here: " + e.getMessage());
            assumeTrue(false, e.getMessage());
            throw e;
        }
        Path cgroup = parent.resolve("queuectl-launcher-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectory(cgroup);
        } catch (IOException e) {
            System.out.println("[cgroup] cannot create a cgroup under " + parent + " (" + e
                    + "): needs root or a delegated cgroup v2 subtree; CI runs as root");
            assumeTrue(false, "may not create cgroups under " + parent);
        }
        return cgroup;
    }

    private void checkCgroup(ProcessLauncher launcher) throws Exception {
        Path cgroup = testCgroup();
        CgroupSlot slot = new CgroupSlot(cgroup.resolve("slot-1"));
        Files.createDirectory(slot.dir());
        try {
            Path pids = dir.resolve("pids");
            StartedProcess p = launcher.start(new LaunchSpec("setsid sleep 61 & echo $! > " + pids + "; exec sleep 60",
                    List.of("PATH=/usr/bin:/bin"), dir, dir.resolve("out"), slot));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pids) && !Files.readString(pids).isBlank());
            int escaped = Integer.parseInt(Files.readString(pids).strip());
            assertTrue(slot.pids().contains(p.pid()), "the shell is in its cgroup: " + slot.pids());
            assertTrue(slot.pids().contains(escaped), "so is what left its session: " + slot.pids());
            assertTrue(slot.populated());
            assertTrue(slot.kill(), "cgroup.kill");
            assertEquals(256 + ProcessLauncher.SIGKILL, p.waitFor(), "killed by SIGKILL");
            await().atMost(Duration.ofSeconds(10)).until(() -> !slot.populated());
            assertFalse(ProcInfo.alive(escaped), "the escaped process went with it");
        } finally {
            slot.kill();
            await().atMost(Duration.ofSeconds(10)).until(() -> !slot.populated());
            assertTrue(slot.close(), "an empty cgroup is removed");
            Files.delete(cgroup);
        }
    }

    private void check(ProcessLauncher launcher) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        StartedProcess p = launcher.start(new LaunchSpec("read x; echo \"$x|$QUEUECTL_T\"; exec sleep 60",
                List.of("QUEUECTL_T=yes", "PATH=/usr/bin:/bin"), dir, out));
        try {
            // stdin is /dev/null (read gets nothing), the environment is the one given; once the
            // shell printed, it runs (setsid(1), in the JDK launcher's case, made its session first)
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(out).equals("|yes\n"));
            ProcInfo.Stat stat = ProcInfo.stat(p.pid());
            assertNotNull(stat, "the shell is running");
            assertEquals(p.pid(), stat.pgrp(), "the shell leads its own process group");
            assertTrue(p.startTime() > 0, "start time read");
            assertEquals(stat.startTime(), p.startTime(), "the start time /proc reports");
        } finally {
            launcher.signalGroup(p.pid(), ProcessLauncher.SIGKILL);
        }
        assertEquals(256 + ProcessLauncher.SIGKILL, p.waitFor(), "killed by SIGKILL");
    }
}

package dev.queuectl.daemon.engine.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the live processes that carry one run's marker ({@code QUEUECTL_RUN=…}) in their
 * environment. A full scan reads every process's environment; right after a short run, only
 * pids handed out since its shell started can be its descendants (pids grow until they wrap,
 * which {@code ns_last_pid} below the shell's pid gives away), so only those are read: a quiet
 * run costs a few failed opens, not a pass over /proc.
 */
final class MarkerScan {
    static final String VARIABLE = "QUEUECTL_RUN";
    /** Up to this many newer pids are probed one by one; beyond it /proc is listed. */
    private static final int DIRECT_PROBE = 128;
    private static final Path LAST_PID = Paths.get("/proc/sys/kernel/ns_last_pid");

    private MarkerScan() {
    }

    /**
     * Live processes whose environment has {@code QUEUECTL_RUN=marker}. With {@code recentOnly},
     * only pids newer than {@code leader} are looked at, unless pids wrapped since.
     */
    static List<Integer> carriers(String marker, int leader, boolean recentOnly) {
        byte[] prefix = (VARIABLE + "=").getBytes(StandardCharsets.UTF_8);
        List<Integer> out = new ArrayList<>();
        int last = recentOnly ? lastPid() : -1;
        if (recentOnly && last >= leader && leader > 0) {
            if (last - leader <= DIRECT_PROBE) {
                for (int pid = leader + 1; pid <= last; pid++) {
                    check(pid, prefix, marker, out);
                }
                return out;
            }
            for (int pid : ProcInfo.pids()) {
                if (pid > leader) {
                    check(pid, prefix, marker, out);
                }
            }
            return out;
        }
        for (int pid : ProcInfo.pids()) {
            check(pid, prefix, marker, out);
        }
        return out;
    }

    private static void check(int pid, byte[] prefix, String marker, List<Integer> out) {
        byte[] env;
        try {
            env = Files.readAllBytes(Paths.get("/proc", Integer.toString(pid), "environ"));
        } catch (IOException | SecurityException e) {
            return;
        }
        if (marker.equals(ProcInfo.valueOf(env, prefix)) && ProcInfo.alive(pid)) {
            out.add(pid);
        }
    }

    /** The last pid handed out in this pid namespace, or -1 when unknown (then everything is scanned). */
    private static int lastPid() {
        try {
            return Integer.parseInt(Files.readString(LAST_PID, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}

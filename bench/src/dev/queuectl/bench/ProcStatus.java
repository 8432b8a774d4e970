package dev.queuectl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's resident set size and CPU time from {@code /proc}. */
final class ProcStatus {
    private static long clockTicksPerSecond;

    private ProcStatus() {
    }

    static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024; // the kernel reports kB (KiB)
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    /** User plus system CPU time the process has used so far, in nanoseconds. */
    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // After the parenthesised command name: field 3 (state) is index 0, utime (14) is index 11.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * (1_000_000_000L / clockTicks());
    }

    private static synchronized long clockTicks() {
        if (clockTicksPerSecond == 0) {
            try {
                clockTicksPerSecond = Long.parseLong(MachineInfo.run("getconf", "CLK_TCK"));
            } catch (NumberFormatException e) {
                clockTicksPerSecond = 100;
            }
        }
        return clockTicksPerSecond;
    }
}

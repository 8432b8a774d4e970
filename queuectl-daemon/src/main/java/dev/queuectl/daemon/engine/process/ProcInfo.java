package dev.queuectl.daemon.engine.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What /proc says about processes: start times, groups, states, environments, the boot id. */
public final class ProcInfo {
    /** A process as /proc/PID/stat describes it. */
    public record Stat(int pid, char state, int pgrp, long startTime) {
    }

    private ProcInfo() {
    }

    /** The current boot's id: a run recorded under another boot id cannot have survivors. */
    public static String bootId() {
        try {
            return Files.readString(Paths.get("/proc/sys/kernel/random/boot_id"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The process's stat line, or null when there is no such process. */
    public static Stat stat(int pid) {
        String line;
        try {
            line = Files.readString(Paths.get("/proc", Integer.toString(pid), "stat"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        // The command name is in parentheses and may itself contain spaces and parentheses.
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String[] f = line.substring(close + 2).split(" ");
        // f[0] is field 3 (state), f[2] field 5 (pgrp), f[19] field 22 (starttime).
        try {
            return new Stat(pid, f[0].charAt(0), Integer.parseInt(f[2]), Long.parseLong(f[19]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Live (not zombie) processes whose process group is {@code pgid}. */
    public static List<Integer> groupMembers(int pgid) {
        List<Integer> out = new ArrayList<>();
        for (int pid : pids()) {
            Stat s = stat(pid);
            if (s != null && s.pgrp() == pgid && s.state() != 'Z') {
                out.add(pid);
            }
        }
        return out;
    }

    /**
     * Live processes readable by this user whose environment has a variable {@code name}, by its
     * value. One pass over /proc.
     */
    public static Map<String, List<Integer>> byEnvironment(String name) {
        byte[] prefix = (name + "=").getBytes(StandardCharsets.UTF_8);
        Map<String, List<Integer>> out = new HashMap<>();
        for (int pid : pids()) {
            byte[] env;
            try {
                env = Files.readAllBytes(Paths.get("/proc", Integer.toString(pid), "environ"));
            } catch (IOException | SecurityException e) {
                continue;
            }
            String value = valueOf(env, prefix);
            if (value != null && alive(pid)) {
                out.computeIfAbsent(value, k -> new ArrayList<>()).add(pid);
            }
        }
        return out;
    }

    static String valueOf(byte[] env, byte[] prefix) {
        int i = 0;
        while (i < env.length) {
            int end = i;
            while (end < env.length && env[end] != 0) {
                end++;
            }
            if (end - i >= prefix.length && java.util.Arrays.equals(env, i, i + prefix.length, prefix, 0, prefix.length)) {
                return new String(env, i + prefix.length, end - i - prefix.length, StandardCharsets.UTF_8);
            }
            i = end + 1;
        }
        return null;
    }

    public static List<Integer> pids() {
        List<Integer> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Paths.get("/proc"))) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                    try {
                        out.add(Integer.parseInt(name));
                    } catch (NumberFormatException ignored) {
                        // not a process
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** True while the process exists and is not a zombie. */
    public static boolean alive(int pid) {
        Stat s = stat(pid);
        return s != null && s.state() != 'Z';
    }
}

package dev.queuectl.daemon.engine.process;

import java.nio.file.Path;
import java.util.List;

/**
 * One run to start: {@code /bin/sh -c command} with exactly {@code env} ("NAME=value"), in
 * {@code workDir}, stdin from /dev/null and stdout+stderr appended to {@code output}, and in
 * {@code cgroup} (null: the daemon's own) from before the shell starts.
 */
public record LaunchSpec(String command, List<String> env, Path workDir, Path output, CgroupSlot cgroup) {
    public LaunchSpec(String command, List<String> env, Path workDir, Path output) {
        this(command, env, workDir, output, null);
    }

    @Override
    public String toString() {
        return "LaunchSpec[" + command.length() + " chars, " + env.size() + " env vars, output " + output
                + (cgroup == null ? "" : ", cgroup " + cgroup.dir()) + "]";
    }
}

package dev.queuectl.daemon.engine.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One cgroup (v2) that holds one run at a time: the run's shell joins it before it execs, so
 * every process the run starts is in it, whatever session or process group it moves to. The
 * kernel says whether anything is left ({@code cgroup.events}), lists it ({@code cgroup.procs})
 * and kills all of it at once ({@code cgroup.kill}). Thread-safe; the native launcher's fd for
 * {@code cgroup.procs} is opened on first use and kept until {@link #close()}.
 */
public final class CgroupSlot {
    private final Path dir;
    private int procsFd = -1;
    private boolean closed;

    public CgroupSlot(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path procsFile() {
        return dir.resolve("cgroup.procs");
    }

    /** An open fd of {@code cgroup.procs} for the native launcher's child to write to; -1 without the library. */
    synchronized int procsFd() throws IOException {
        if (procsFd >= 0 || !NativeLibrary.loaded()) {
            return procsFd;
        }
        if (closed) {
            throw new IOException("the cgroup " + dir + " was removed");
        }
        int fd = NativeLibrary.openForWriting((procsFile() + "\0").getBytes(StandardCharsets.UTF_8));
        if (fd < 0) {
            throw new IOException("cannot open " + procsFile() + ": " + Errno.describe(-fd));
        }
        procsFd = fd;
        return fd;
    }

    /** Whether any process is in the cgroup ({@code populated 1} in {@code cgroup.events}); false once it is gone. */
    public boolean populated() {
        return populated(dir);
    }

    /** Whether the cgroup {@code dir} holds any process; false when it does not exist. */
    public static boolean populated(Path dir) {
        try {
            return Files.readString(dir.resolve("cgroup.events"), StandardCharsets.US_ASCII).contains("populated 1");
        } catch (IOException e) {
            return false;
        }
    }

    /** The processes in the cgroup now. */
    public List<Integer> pids() {
        return pids(dir);
    }

    /** The processes in the cgroup {@code dir}; none when it does not exist. */
    public static List<Integer> pids(Path dir) {
        List<Integer> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("cgroup.procs"), StandardCharsets.US_ASCII)) {
                if (!line.isBlank()) {
                    out.add(Integer.parseInt(line.strip()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return out;
        }
        return out;
    }

    /** SIGKILL to every process in the cgroup, and to any it forks meanwhile ({@code cgroup.kill}). */
    public boolean kill() {
        return kill(dir);
    }

    /** {@code cgroup.kill} of the cgroup {@code dir}; false when it cannot be written. */
    public static boolean kill(Path dir) {
        try (FileChannel kill = FileChannel.open(dir.resolve("cgroup.kill"), StandardOpenOption.WRITE)) {
            kill.write(ByteBuffer.wrap(new byte[] {'1'}));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Closes the launcher's fd and removes the (empty) cgroup; false when it is not empty or cannot go. */
    public synchronized boolean close() {
        closed = true;
        if (procsFd >= 0) {
            NativeLibrary.closeFd(procsFd);
            procsFd = -1;
        }
        try {
            Files.deleteIfExists(dir);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}

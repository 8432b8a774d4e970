package dev.queuectl.daemon.engine.process;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cgroup per run, cheaply: the daemon's cgroup holds reusable slots ({@code slot-1}, …), about
 * one per worker. A run takes a free slot, and gives it back when it ends; a slot is free again
 * once the kernel says it is empty ({@code cgroup.events}), so a run never shares a cgroup with
 * what another left behind. Creating a cgroup per job would cost a mkdir and rmdir each.
 * Thread-safe.
 */
final class CgroupContainment implements Containment {
    private static final Logger log = LoggerFactory.getLogger(CgroupContainment.class);
    private static final String SLOT = "slot-";

    private final Path base;
    private final ProcessLauncher launcher;
    private final ConcurrentLinkedQueue<CgroupSlot> free = new ConcurrentLinkedQueue<>();
    /** Slots given back while processes were still in them (being killed). */
    private final List<CgroupSlot> emptying = new ArrayList<>();
    private final Set<CgroupSlot> all = ConcurrentHashMap.newKeySet();
    private final AtomicInteger names = new AtomicInteger();
    private final List<Path> leftovers;
    private final ContainmentInfo info;

    private CgroupContainment(Path base, ProcessLauncher launcher, List<Path> leftovers, int lastName) {
        this.base = base;
        this.launcher = launcher;
        this.leftovers = List.copyOf(leftovers);
        this.names.set(lastName);
        this.info = new ContainmentInfo(ContainmentInfo.CGROUP, base, null);
    }

    /**
     * Creates (or takes over) the daemon's cgroup {@code base} and proves that a run can join a
     * cgroup in it; an IOException says why it cannot.
     */
    static CgroupContainment open(Path base, ProcessLauncher launcher) throws IOException {
        try {
            Files.createDirectories(base);
        } catch (AccessDeniedException e) {
            throw new IOException("may not create the cgroup " + base
                    + " (run queuectld as root, or under systemd with Delegate=yes)", e);
        } catch (FileSystemException e) {
            throw new IOException("cannot create the cgroup " + base + ": " + e.getReason(), e);
        }
        if (!Files.exists(base.resolve("cgroup.kill"))) {
            removeQuietly(base);
            throw new IOException("the kernel has no cgroup.kill (Linux 5.14 or newer has)");
        }
        List<Path> leftovers = new ArrayList<>();
        int last = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, SLOT + "*")) {
            for (Path d : dirs) {
                leftovers.add(d);
                try {
                    last = Math.max(last, Integer.parseInt(d.getFileName().toString().substring(SLOT.length())));
                } catch (NumberFormatException e) {
                    // not one of ours by name; recovery empties it all the same
                }
            }
        }
        CgroupContainment c = new CgroupContainment(base, launcher, leftovers, last);
        c.probe();
        return c;
    }

    /** Starts a shell that only exits, in a slot: the whole way a run takes, before any run does. */
    private void probe() throws IOException {
        CgroupSlot slot = acquire();
        try {
            StartedProcess p = launcher.start(new LaunchSpec("exit 0", List.of(), Paths.get("/"),
                    Paths.get("/dev/null"), slot));
            int status = p.waitFor();
            if (status != 0) {
                throw new IOException("a run's shell could not join a cgroup under " + base + " (it exited with "
                        + status + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while trying a cgroup under " + base, e);
        } catch (IOException e) {
            slot.close();
            all.remove(slot);
            removeQuietly(base);
            throw new IOException("runs cannot join a cgroup under " + base + ": " + e.getMessage(), e);
        }
        release(slot, false);
    }

    @Override
    public RunTree newRun(String marker) {
        try {
            return new CgroupTree(this, acquire(), launcher);
        } catch (IOException e) {
            log.warn("cannot create a cgroup for a run ({}); it is tracked by its marker instead", e.getMessage());
            return new MarkedTree(launcher, marker);
        }
    }

    private CgroupSlot acquire() throws IOException {
        CgroupSlot slot = free.poll();
        if (slot != null) {
            return slot;
        }
        synchronized (emptying) {
            emptying.removeIf(s -> {
                if (s.populated()) {
                    return false;
                }
                free.add(s);
                return true;
            });
        }
        slot = free.poll();
        if (slot != null) {
            return slot;
        }
        Path dir = base.resolve(SLOT + names.incrementAndGet());
        try {
            Files.createDirectory(dir);
        } catch (FileSystemException e) {
            throw new IOException("cannot create the cgroup " + dir + ": " + e.getReason(), e);
        }
        slot = new CgroupSlot(dir);
        all.add(slot);
        return slot;
    }

    /**
     * A run is over: its slot is free at once if empty ({@code knownEmpty}: found empty after the
     * run's shell was reaped, so it need not be read again), else once what is left has gone.
     */
    void release(CgroupSlot slot, boolean knownEmpty) {
        if (!knownEmpty && slot.populated()) {
            synchronized (emptying) {
                emptying.add(slot);
            }
        } else {
            free.add(slot);
        }
    }

    @Override
    public ContainmentInfo info() {
        return info;
    }

    @Override
    public List<Path> leftovers() {
        return leftovers;
    }

    @Override
    public void close() {
        List<CgroupSlot> slots = new ArrayList<>(all);
        for (CgroupSlot s : slots) {
            if (s.populated()) {
                s.kill();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (CgroupSlot s : slots) {
            while (s.populated() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            if (!s.close()) {
                log.warn("could not remove the cgroup {}: processes are still in it", s.dir());
            }
        }
        removeQuietly(base);
    }

    private static void removeQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.debug("left the cgroup {} in place: {}", dir, e.toString());
        }
    }
}

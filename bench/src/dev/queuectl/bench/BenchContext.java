package dev.queuectl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every figure shares: the checkout, the sizes, one short temp dir under /tmp (Unix socket
 * paths are limited to about 107 bytes), the daemons still running (so a failed figure never
 * leaves one behind), and the SQLite baseline, measured once and reused by figures 2 and 3.
 */
final class BenchContext implements AutoCloseable {
    private static final Clock REALTIME = Clock.systemUTC();

    private final Path root;
    private final Sizes sizes;
    private final Path tmp;
    private final List<Daemon> daemons = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private SqliteBaseline.Result sqliteBaseline;

    BenchContext(Path root, boolean quick) throws IOException {
        this.root = root;
        this.sizes = quick ? Sizes.quick() : Sizes.full();
        this.tmp = Files.createTempDirectory(Path.of("/tmp"), "qb.");
    }

    Path root() {
        return root;
    }

    Sizes sizes() {
        return sizes;
    }

    /** A fresh directory for one figure's files. */
    Path dir(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    Path tmp() {
        return tmp;
    }

    /** The java the launchers use: {@code $JAVA_HOME/bin/java}, else {@code java} on the PATH. */
    String java() {
        String home = System.getenv("JAVA_HOME");
        return home == null || home.isEmpty() ? "java" : Path.of(home, "bin", "java").toString();
    }

    /** The harness's own classes (for {@link Hello}). */
    Path benchClasses() {
        return root.resolve("bench/target/classes");
    }

    /** Environment for launched daemons and clients: nothing of a user's queuectl settings. */
    void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("QUEUECTL_") || k.equals("QUEUECTLD_JAVA_OPTS"));
    }

    SqliteBaseline.Result sqliteBaseline() throws Exception {
        if (sqliteBaseline == null) {
            progress("baseline: raw sqlite-jdbc inserts (WAL, synchronous=FULL)");
            sqliteBaseline = SqliteBaseline.measure(this);
        }
        return sqliteBaseline;
    }

    /** A line for the report's notes (how a figure was measured, sizes, side observations). */
    void note(String text) {
        notes.add(text);
    }

    List<String> notes() {
        return notes;
    }

    static void progress(String text) {
        System.err.println("bench: " + text);
    }

    /** Wall-clock (CLOCK_REALTIME) nanoseconds since the epoch, comparable with {@code date +%s%N}. */
    static long realtimeNanos() {
        Instant now = REALTIME.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    synchronized void register(Daemon d) {
        daemons.add(d);
    }

    synchronized void unregister(Daemon d) {
        daemons.remove(d);
    }

    /** Stops any daemon a failed figure left running, then deletes the temp dir. */
    @Override
    public void close() {
        stopDaemons();
        deleteTree(tmp);
    }

    /** Drains every daemon still running (a hung figure's connections then fail). */
    void stopDaemons() {
        List<Daemon> left;
        synchronized (this) {
            left = new ArrayList<>(daemons);
        }
        for (Daemon d : left) {
            try {
                d.close();
            } catch (IOException e) {
                System.err.println("bench: " + e.getMessage());
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    System.err.println("bench: cannot delete " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            System.err.println("bench: cannot delete " + dir + ": " + e.getMessage());
        }
    }
}

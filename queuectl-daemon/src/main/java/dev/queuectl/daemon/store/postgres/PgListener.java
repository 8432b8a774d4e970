package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.store.Cluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the other nodes say: LISTEN on a connection of its own (reconnected with backoff when
 * lost), and a poll every {@code poll} that makes up for notifications never received (a node
 * that died before sending, a dropped connection) and is the only source in poll-only mode.
 * Each notification and each poll tick is handed to the cluster listener; this node's own
 * notifications are ignored. One thread.
 */
final class PgListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgListener.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final PgOptions options;
    private final String node;
    private final Cluster.Listener listener;
    private final Runnable takeCancels;
    private final Thread thread;
    private Connection connection;
    private long backoffMs = 500;
    private long retryAt;
    private volatile boolean stopping;

    /** @param takeCancels looks for cancel requests addressed to this node */
    PgListener(PgOptions options, String node, Cluster.Listener listener, Runnable takeCancels) {
        this.options = options;
        this.node = node;
        this.listener = listener;
        this.takeCancels = takeCancels;
        this.thread = new Thread(this::loop, "queuectl-listen");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        long pollNanos = options.poll().toNanos();
        long nextTick = System.nanoTime() + pollNanos;
        while (!stopping) {
            long wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime()));
            if (options.listen() && listening()) {
                try {
                    PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications((int) wait);
                    if (received != null) {
                        for (PGNotification n : received) {
                            handle(n.getParameter());
                        }
                    }
                } catch (SQLException e) {
                    if (!stopping) {
                        log.warn("lost the LISTEN connection ({}); polling every {}ms until it is back",
                                PgErrors.rootMessage(e), options.poll().toMillis());
                    }
                    drop();
                }
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
            }
            if (System.nanoTime() - nextTick >= 0 && !stopping) {
                nextTick = System.nanoTime() + pollNanos;
                tick();
            }
        }
        drop();
    }

    /** The poll: anything may have changed unannounced (work, finishes, settings, cancel requests). */
    private void tick() {
        try {
            listener.wake();
            listener.finished(null);
            listener.configChanged();
            takeCancels.run();
        } catch (RuntimeException e) {
            log.warn("poll failed: {}", e.toString());
        }
    }

    private boolean listening() {
        if (connection != null) {
            return true;
        }
        if (System.currentTimeMillis() < retryAt) {
            return false;
        }
        try {
            connection = PgDatabase.connect(options);
            try (Statement st = connection.createStatement()) {
                st.execute("LISTEN " + PgNotifier.CHANNEL);
            }
            backoffMs = 500;
            tick(); // whatever was said while nobody listened
            return true;
        } catch (SQLException e) {
            drop();
            retryAt = System.currentTimeMillis() + backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            return false;
        }
    }

    void handle(String payload) {
        String[] lines = payload.split("\n");
        if (lines.length == 0 || lines[0].equals(node)) {
            return;
        }
        boolean woke = false;
        boolean cancels = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if ((line.equals("e") || line.equals("p")) && !woke) {
                woke = true;
                listener.wake();
            } else if (line.startsWith("f ")) {
                String id = line.substring(2);
                listener.finished(id.equals("*") ? null : id);
            } else if (line.startsWith("c ") && !cancels) {
                cancels = true;
                takeCancels.run();
            } else if (line.equals("x")) {
                listener.configChanged();
            }
        }
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken anyway
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(Math.max(2_000, options.poll().toMillis() * 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

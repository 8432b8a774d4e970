package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.store.Cluster;
import dev.queuectl.daemon.store.StoreOpenException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's registration and lease, on a connection of its own (a busy pool never delays a
 * renewal). The lease is renewed every third of its length. Time since the last renewal that
 * succeeded is measured here, from the moment the renewal was sent: when it passes half the
 * lease, the node is fenced (it stops claiming and stops its runs), well before the database
 * lets the lease expire. A renewal the database refuses (the lease expired, the node's runs may
 * have been recovered) fences at once; the node then registers again under a new epoch.
 * One thread; the accessors are thread-safe.
 */
final class PgLease implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgLease.class);

    private final PgOptions options;
    private final String node;
    private final long leaseNanos;
    private String host;
    private long pid;
    private String version;
    private Cluster.Listener listener;
    private Connection connection;
    private long epoch;
    private volatile long lastRenewed;
    private volatile boolean fenced;
    private volatile boolean lost;
    private volatile boolean stopping;
    private volatile int workers;
    private volatile int busy;
    private Thread thread;
    private Thread watcher;

    PgLease(PgOptions options, String node) {
        this.options = options;
        this.node = node;
        this.leaseNanos = options.lease().toNanos();
    }

    /** Registers (refusing an id a live daemon holds) and starts renewing. */
    void join(String host, long pid, String version, Cluster.Listener listener) {
        this.host = host;
        this.pid = pid;
        this.version = version;
        this.listener = listener;
        try {
            register();
        } catch (SQLException e) {
            throw new StoreOpenException("cannot register node " + node + ": " + PgErrors.rootMessage(e), e);
        }
        thread = new Thread(this::loop, "queuectl-lease");
        thread.setDaemon(true);
        thread.start();
        watcher = new Thread(this::watch, "queuectl-fence");
        watcher.setDaemon(true);
        watcher.start();
    }

    boolean fenced() {
        return fenced;
    }

    long epoch() {
        return epoch;
    }

    void load(int workers, int busy) {
        this.workers = workers;
        this.busy = busy;
    }

    private void register() throws SQLException {
        Connection c = connection();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement ps = c.prepareStatement(PgNodeSql.EXISTING)) {
                ps.setString(1, node);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean("live") && !isEarlierSelf(rs.getString("host"), rs.getLong("pid"))) {
                        throw new StoreOpenException("node id " + node + " is in use by a live queuectld on "
                                + rs.getString("host") + " (pid " + rs.getLong("pid") + "); its lease ends in "
                                + rs.getInt("seconds_left") + "s. Give each daemon its own node-id.", null);
                    }
                }
            }
            long sent = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(PgNodeSql.REGISTER)) {
                ps.setString(1, node);
                ps.setString(2, host);
                ps.setLong(3, pid);
                ps.setString(4, version);
                ps.setLong(5, options.lease().toMillis());
                ps.setLong(6, options.lease().toMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    epoch = rs.getLong(1);
                }
            }
            c.commit();
            lastRenewed = sent;
            lost = false;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is broken
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The row is this daemon's own (a restart in place) or a predecessor's that is gone from this host. */
    private boolean isEarlierSelf(String rowHost, long rowPid) {
        if (!host.equals(rowHost)) {
            return false;
        }
        return rowPid == pid || ProcessHandle.of(rowPid).map(p -> !p.isAlive()).orElse(true);
    }

    /** Renewals (and registering again after a lost lease). A renewal that hangs never delays fencing: see {@link #watch}. */
    private void loop() {
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(50), leaseNanos / 20);
        long nextRenewal = System.nanoTime() + leaseNanos / 3;
        boolean warned = false;
        while (!stopping) {
            LockSupport.parkNanos(tick);
            long now = System.nanoTime();
            if (stopping || now - nextRenewal < 0 && !lost) {
                continue;
            }
            nextRenewal = now + leaseNanos / 3;
            try {
                if (lost) {
                    register();
                    log.warn("node {} registered again (epoch {}) after losing its lease", node, epoch);
                } else {
                    renew();
                }
                if (warned) {
                    log.info("node {} reached the database again", node);
                    warned = false;
                }
            } catch (SQLException | RuntimeException e) {
                closeConnection();
                if (!warned && !stopping) {
                    log.warn("node {} could not renew its lease: {}", node, PgErrors.rootMessage(e));
                    warned = true;
                }
                nextRenewal = System.nanoTime() + Math.min(leaseNanos / 10, TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    /** Fencing, on a thread of its own: half a lease without a renewal that succeeded, or a lost lease, fences. */
    private void watch() {
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(20), leaseNanos / 50);
        while (!stopping) {
            LockSupport.parkNanos(tick);
            long since = System.nanoTime() - lastRenewed;
            if (!fenced && (lost || since > leaseNanos / 2)) {
                fenced = true;
                String why = lost ? "node " + node + " lost its lease"
                        : "node " + node + " could not renew its lease for " + Duration.ofNanos(since).toMillis() + "ms";
                log.error("{}: stopping its jobs and claiming none until it holds a lease again", why);
                listener.fenced(why);
            } else if (fenced && !lost && since < leaseNanos / 2) {
                fenced = false;
                log.warn("node {} holds its lease again; claiming jobs again", node);
                listener.unfenced();
            }
        }
    }

    private void renew() throws SQLException {
        long sent = System.nanoTime();
        try (PreparedStatement ps = connection().prepareStatement(PgNodeSql.RENEW)) {
            ps.setInt(1, workers);
            ps.setInt(2, busy);
            ps.setString(3, node);
            ps.setLong(4, epoch);
            if (ps.executeUpdate() == 1) {
                lastRenewed = sent;
            } else {
                log.error("node {}: the database no longer holds its lease (it expired); its runs count as"
                        + " interrupted", node);
                lost = true;
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = PgDatabase.connect(options, Math.max(1, (int) (options.lease().toSeconds() / 3)));
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken anyway
            }
            connection = null;
        }
    }

    /** Marks the node as gone cleanly, so nobody waits for its lease. */
    void leave() {
        stopping = true;
        if (watcher != null) {
            watcher.interrupt();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (PreparedStatement ps = connection().prepareStatement(PgNodeSql.LEAVE)) {
            ps.setString(1, node);
            ps.setLong(2, epoch);
            ps.executeUpdate();
        } catch (SQLException e) {
            log.warn("node {} could not mark itself as gone ({}); its lease expires by itself", node, e.getMessage());
        }
    }

    @Override
    public void close() {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
            watcher.interrupt();
        }
        closeConnection();
    }
}

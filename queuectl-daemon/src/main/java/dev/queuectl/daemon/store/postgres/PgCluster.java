package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.daemon.store.Cluster;
import dev.queuectl.daemon.store.NodeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster side of the PostgreSQL store: this node's lease ({@link PgLease}), what it tells
 * the others (debounced NOTIFY, {@link PgNotifier}), what they tell it ({@link PgListener}),
 * cancel requests between nodes, and periodic work that one node at a time does. Thread-safe.
 */
public final class PgCluster implements Cluster {
    private static final Logger log = LoggerFactory.getLogger(PgCluster.class);

    private final PgDatabase db;
    private final String node;
    private final PgNotifier notifier;
    private final PgLease lease;
    private final ScheduledExecutorService timer;
    private volatile Listener listener;
    private PgListener listening;

    PgCluster(PgDatabase db, String node) {
        this.db = db;
        this.node = node;
        this.notifier = new PgNotifier(db, node);
        this.lease = new PgLease(db.options(), node);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "queuectl-notify");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void join(String joining, String host, long pid, String version, Listener listener) {
        if (!joining.equals(node)) {
            throw new IllegalArgumentException("this store was opened for node " + node + ", not " + joining);
        }
        this.listener = listener;
        lease.join(host, pid, version, listener);
        notifier.start(timer);
        listening = new PgListener(db.options(), node, listener, this::takeCancels);
        log.info("node {} joined the cluster (epoch {}, lease {}ms, {})", node, lease.epoch(),
                db.options().lease().toMillis(), db.options().listen() ? "LISTEN/NOTIFY wake-ups and a poll every "
                        + db.options().poll().toMillis() + "ms" : "a poll every " + db.options().poll().toMillis()
                        + "ms, no LISTEN");
    }

    @Override
    public boolean fenced() {
        return lease.fenced();
    }

    /** Whether {@code claimer} is this node and may not claim now. */
    boolean fenced(String claimer) {
        return claimer.equals(node) && lease.fenced();
    }

    @Override
    public Duration lease() {
        return db.options().lease();
    }

    @Override
    public CompletableFuture<List<NodeInfo>> nodes() {
        return db.read(tx -> tx.query(PgNodeSql.ALL, ps -> { }, rs -> new NodeInfo(rs.getString("id"),
                rs.getString("host"), rs.getLong("pid"), rs.getString("version"),
                Instant.ofEpochMilli(Math.round(rs.getDouble("started"))),
                Instant.ofEpochMilli(Math.round(rs.getDouble("lease_until"))), rs.getBoolean("alive"),
                rs.getBoolean("stopped"), rs.getInt("workers"), rs.getInt("busy"))));
    }

    @Override
    public CompletableFuture<Boolean> requestCancel(String id) {
        return db.write(tx -> {
            var run = tx.queryOne(PgNodeSql.RUN_OF, ps -> {
                ps.setString(1, id);
                ps.setString(2, node);
            }, rs -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)});
            if (run.isEmpty()) {
                return false;
            }
            tx.update(PgNodeSql.REQUEST_CANCEL, ps -> {
                ps.setLong(1, (Long) run.get()[0]);
                ps.setInt(2, (Integer) run.get()[1]);
                ps.setString(3, (String) run.get()[2]);
            });
            notifier.add("c " + id);
            return true;
        });
    }

    /** Takes the cancel requests addressed to this node and hands each to the listener. */
    private void takeCancels() {
        Listener l = listener;
        db.write(tx -> tx.query(PgNodeSql.TAKE_CANCELS, ps -> ps.setString(1, node), rs -> rs.getString(1)))
                .thenAccept(ids -> ids.forEach(l::cancelRequested))
                .exceptionally(e -> null);
    }

    @Override
    public void load(int workers, int busy) {
        lease.load(workers, busy);
    }

    @Override
    public CompletableFuture<Boolean> claimTask(String task, Duration every) {
        return db.write(tx -> tx.update(PgNodeSql.CLAIM_TASK, ps -> {
            ps.setString(1, task);
            ps.setString(2, node);
            ps.setLong(3, every.toMillis());
        }) == 1);
    }

    @Override
    public void leave() {
        lease.leave();
    }

    // ---- what this node tells the others ----

    void enqueued(int count) {
        notifier.add("e");
    }

    void finished(RunEnd end) {
        if (end.transition() == Transition.INTERRUPT) {
            notifier.add("p");
        } else if (end.transition() != Transition.RETRY_LATER) {
            notifier.add("f " + end.id());
        }
    }

    void changed() {
        notifier.add("p");
        notifier.add("f *");
    }

    Job stateChanged(Job job) {
        notifier.add(job.state().isFinal() ? "f " + job.id() : "p");
        return job;
    }

    JobRef deleted(JobRef job) {
        notifier.add("f " + job.id());
        return job;
    }

    void configChanged() {
        notifier.add("x");
    }

    @Override
    public void close() {
        if (listening != null) {
            listening.close();
        }
        lease.close();
        timer.shutdown();
    }
}

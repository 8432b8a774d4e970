package dev.queuectl.daemon.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The daemons that share a store: this node's membership and lease, what the other nodes tell
 * it, and what it asks of them. A store only one daemon can open has a cluster of one
 * ({@link #single}); a shared store's nodes hold leases and fence themselves when they cannot
 * renew. Thread-safe.
 */
public interface Cluster extends AutoCloseable {

    /**
     * What the cluster tells this node, on the cluster's own threads: implementations must be
     * quick and must not block (hand work over).
     */
    interface Listener {
        /** Jobs may have become claimable elsewhere (enqueued, pending again, a poll tick). */
        void wake();

        /** Job {@code id} reached a final state or was deleted on another node; {@code null}: some jobs did. */
        void finished(String id);

        /** Another node asked for the run of job {@code id} (running here) to be cancelled. */
        void cancelRequested(String id);

        /** Another node changed the cluster's runtime settings. */
        void configChanged();

        /** This node may no longer run jobs (it could not renew its lease): stop claiming and stop every run now. */
        void fenced(String why);

        /** This node holds a lease again and may claim. */
        void unfenced();
    }

    /** Whether several daemons share the store (leases, recovery of other nodes' runs, wake-ups). */
    boolean shared();

    /**
     * Registers this node and starts keeping its lease; {@link StoreOpenException} when its id is
     * in use by a live daemon elsewhere. Blocks until registered.
     */
    void join(String node, String host, long pid, String version, Listener listener);

    /** Whether this node may not claim now. */
    boolean fenced();

    /** The lease, or null for a cluster of one. */
    Duration lease();

    /** Every node the store knows, this one included. */
    CompletableFuture<List<NodeInfo>> nodes();

    /** Asks the node running job {@code id} to cancel it; true if the job's run belongs to another node. */
    CompletableFuture<Boolean> requestCancel(String id);

    /** Tells the others how busy this node is (shown by status on every node). */
    void load(int workers, int busy);

    /**
     * Claims periodic cluster-wide work {@code task} for this node if no node did it within
     * {@code every}: true means this node does it now.
     */
    CompletableFuture<Boolean> claimTask(String task, Duration every);

    /** Leaves the cluster cleanly (after a drain): the others need not wait for the lease to expire. */
    void leave();

    @Override
    void close();

    /** The cluster of a store only one daemon opens. */
    static Cluster single() {
        return new SingleCluster();
    }
}

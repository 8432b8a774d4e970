package dev.queuectl.daemon.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The cluster of a store that one daemon opens at a time: nothing to share, nobody to fence. Thread-safe. */
final class SingleCluster implements Cluster {
    private volatile NodeInfo self;

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void join(String node, String host, long pid, String version, Listener listener) {
        self = new NodeInfo(node, host, pid, version, Instant.now(), null, true, false, 0, 0);
    }

    @Override
    public boolean fenced() {
        return false;
    }

    @Override
    public Duration lease() {
        return null;
    }

    @Override
    public CompletableFuture<List<NodeInfo>> nodes() {
        NodeInfo s = self;
        return CompletableFuture.completedFuture(s == null ? List.of() : List.of(s));
    }

    @Override
    public CompletableFuture<Boolean> requestCancel(String id) {
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public void load(int workers, int busy) {
        NodeInfo s = self;
        if (s != null) {
            self = new NodeInfo(s.id(), s.host(), s.pid(), s.version(), s.startedAt(), null, true, false, workers, busy);
        }
    }

    @Override
    public CompletableFuture<Boolean> claimTask(String task, Duration every) {
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void leave() {
    }

    @Override
    public void close() {
    }
}

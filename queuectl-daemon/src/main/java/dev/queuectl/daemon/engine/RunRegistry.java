package dev.queuectl.daemon.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs in flight, by job seq. Its size is the number of busy workers. Futures returned by
 * {@link #whenIdle()} complete when no run is left. Thread-safe.
 */
final class RunRegistry {
    private final Map<Long, ActiveRun> runs = new ConcurrentHashMap<>();
    private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();

    void add(ActiveRun run) {
        runs.put(run.run.seq(), run);
    }

    void remove(ActiveRun run) {
        runs.remove(run.run.seq(), run);
        List<CompletableFuture<Void>> toComplete = List.of();
        synchronized (idleWaiters) {
            if (runs.isEmpty() && !idleWaiters.isEmpty()) {
                toComplete = new ArrayList<>(idleWaiters);
                idleWaiters.clear();
            }
        }
        toComplete.forEach(f -> f.complete(null));
    }

    int busy() {
        return runs.size();
    }

    Collection<ActiveRun> all() {
        return runs.values();
    }

    ActiveRun byId(String id) {
        for (ActiveRun r : runs.values()) {
            if (r.run.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    ActiveRun bySeq(long seq) {
        return runs.get(seq);
    }

    CompletableFuture<Void> whenIdle() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        synchronized (idleWaiters) {
            if (runs.isEmpty()) {
                f.complete(null);
            } else {
                idleWaiters.add(f);
            }
        }
        return f;
    }
}

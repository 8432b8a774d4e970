package dev.queuectl.daemon.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Clients blocked in {@code wait}, by job id; signalled when the job reaches an end state. */
final class Waiters {
    private final Map<String, List<CompletableFuture<Void>>> byId = new ConcurrentHashMap<>();

    /** Registers interest; register before reading the job's state so no end is missed. */
    CompletableFuture<Void> register(String id) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        byId.compute(id, (k, list) -> {
            List<CompletableFuture<Void>> l = list == null ? new ArrayList<>() : list;
            l.add(f);
            return l;
        });
        return f;
    }

    void unregister(String id, CompletableFuture<Void> f) {
        byId.computeIfPresent(id, (k, list) -> {
            list.remove(f);
            return list.isEmpty() ? null : list;
        });
    }

    void signal(String id) {
        List<CompletableFuture<Void>> list = byId.remove(id);
        if (list != null) {
            list.forEach(f -> f.complete(null));
        }
    }
}

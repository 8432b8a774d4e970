package dev.queuectl.daemon.service;

import dev.queuectl.daemon.event.JobEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clients blocked in {@code wait}, by job id; signalled from the event stream when the job
 * reaches a final state or is deleted. A bulk move to a final state names no ids, so it signals
 * every waiter: each looks at its job again and goes back to waiting if it is not finished.
 * Thread-safe.
 */
public final class Waiters {
    private final Map<String, List<CompletableFuture<Void>>> byId = new ConcurrentHashMap<>();

    /** The event stream's subscriber. */
    public void on(JobEvent e) {
        if (e instanceof JobEvent.ChangedElsewhere) {
            String id = ((JobEvent.ChangedElsewhere) e).id();
            if (id != null) {
                signal(id);
            } else {
                for (String waited : List.copyOf(byId.keySet())) {
                    signal(waited);
                }
            }
        } else if (e instanceof JobEvent.StateChanged) {
            JobEvent.StateChanged c = (JobEvent.StateChanged) e;
            if (c.state() == null || c.state().isFinal()) {
                signal(c.id());
            }
        } else if (e instanceof JobEvent.BulkChanged && ((JobEvent.BulkChanged) e).state().isFinal()) {
            for (String id : List.copyOf(byId.keySet())) {
                signal(id);
            }
        }
    }

    /** Registers interest; register before reading the job's state so no end is missed. */
    public CompletableFuture<Void> register(String id) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        byId.compute(id, (k, list) -> {
            List<CompletableFuture<Void>> l = list == null ? new ArrayList<>() : list;
            l.add(f);
            return l;
        });
        return f;
    }

    public void unregister(String id, CompletableFuture<Void> f) {
        byId.computeIfPresent(id, (k, list) -> {
            list.remove(f);
            return list.isEmpty() ? null : list;
        });
    }

    private void signal(String id) {
        List<CompletableFuture<Void>> list = byId.remove(id);
        if (list != null) {
            list.forEach(f -> f.complete(null));
        }
    }
}

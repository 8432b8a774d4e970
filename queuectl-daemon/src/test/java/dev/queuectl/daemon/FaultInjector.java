package dev.queuectl.daemon;

import dev.queuectl.daemon.health.TurnObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes chosen turns of the daemon's loops fail, through the observer every loop calls as a
 * turn begins: the failure is thrown inside the turn, exactly as a bug there would be. Armed
 * from the test's thread, heard on the loops' threads. Thread-safe.
 */
final class FaultInjector implements TurnObserver {
    /** An error of the kind a loop cannot carry on from. */
    static final class InjectedFatalError extends Error {
        InjectedFatalError(String loop) {
            super("injected fatal failure in the " + loop);
        }
    }

    private record Fault(String jobId, boolean fatal) {
    }

    private final Map<String, Fault> armed = new ConcurrentHashMap<>();
    private final Map<String, Integer> injected = new ConcurrentHashMap<>();

    /** The loop's next turn fails with an exception. */
    void failNext(String loop) {
        armed.put(loop, new Fault(null, false));
    }

    /** The loop's next turn about {@code jobId} fails with an exception. */
    void failNextAbout(String loop, String jobId) {
        armed.put(loop, new Fault(jobId, false));
    }

    /** The loop's next turn fails with an {@link Error}. */
    void fatalNext(String loop) {
        armed.put(loop, new Fault(null, true));
    }

    /** How many failures were thrown in the loop so far. */
    int injected(String loop) {
        return injected.getOrDefault(loop, 0);
    }

    @Override
    public void turnStarting(String loop, String jobId) {
        Fault f = armed.get(loop);
        if (f == null || f.jobId() != null && !f.jobId().equals(jobId) || !armed.remove(loop, f)) {
            return;
        }
        injected.merge(loop, 1, Integer::sum);
        if (f.fatal()) {
            throw new InjectedFatalError(loop);
        }
        throw new IllegalStateException("injected failure in the " + loop);
    }
}

package dev.queuectl.protocol;

/** The version of the wire protocol spoken by this build; reported by {@code status}. */
public final class ProtocolVersion {
    /**
     * Incremented whenever requests, results or error codes change. Changes are additive (new
     * fields and ops), so a client can tell from {@code status} what a daemon understands.
     * 1: the first release. 2: {@code status} reports {@code node} and {@code store}.
     * 3: {@code status} reports {@code loops} (the daemon's long-lived loops: alive, last turn,
     * errors survived) and {@code containment} (cgroup or marker); {@code logs} answers carry the
     * job's {@code state} and the run's {@code outcome}, and with {@code wait} a request for a
     * run that has not started yet (the job's first, or the run after the latest) waits for it.
     */
    public static final int CURRENT = 3;

    private ProtocolVersion() {
    }
}

package dev.queuectl.protocol;

/** The version of the wire protocol spoken by this build; reported by {@code status}. */
public final class ProtocolVersion {
    /**
     * Incremented whenever requests, results or error codes change. Changes are additive (new
     * fields and ops), so a client can tell from {@code status} what a daemon understands.
     * 1: the first release. 2: {@code status} reports {@code node} and {@code store}.
     * 3: ops {@code stats} (run statistics over time) and {@code dashboard} (the HTTP login link);
     * error code {@code UNAUTHENTICATED} (HTTP only).
     */
    public static final int CURRENT = 3;

    private ProtocolVersion() {
    }
}

package dev.queuectl.protocol;

/** The version of the wire protocol spoken by this build; reported by {@code status}. */
public final class ProtocolVersion {
    /**
     * Incremented whenever requests, results or error codes change. Changes are additive (new
     * fields and ops), so a client can tell from {@code status} what a daemon understands.
     * 1: the first release. 2: {@code status} reports {@code node} and {@code store}.
     * 3: {@code status} lists {@code nodes}, every daemon sharing the store (PostgreSQL).
     */
    public static final int CURRENT = 3;

    private ProtocolVersion() {
    }
}

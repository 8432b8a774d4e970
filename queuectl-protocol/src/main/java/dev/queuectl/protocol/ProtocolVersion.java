package dev.queuectl.protocol;

/** The version of the wire protocol spoken by this build; reported by {@code status}. */
public final class ProtocolVersion {
    /** Incremented on any incompatible change to requests, results or error codes. */
    public static final int CURRENT = 1;

    private ProtocolVersion() {
    }
}

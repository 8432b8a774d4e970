package dev.queuectl.daemon.job;

import java.util.Locale;

/** How a run ended. {@link #key()} is the stable lower-case name a store keeps. */
public enum RunOutcome {
    COMPLETED,
    FAILED,
    TIMED_OUT,
    INTERRUPTED,
    CANCELLED;

    private final String key = name().toLowerCase(Locale.ROOT);

    public String key() {
        return key;
    }

    /** Whether the run counts as one of the job's attempts. */
    public boolean counted() {
        return this == COMPLETED || this == FAILED || this == TIMED_OUT;
    }

    /** The outcome with this key, or null for null. */
    public static RunOutcome ofKey(String key) {
        if (key == null) {
            return null;
        }
        for (RunOutcome o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown run outcome '" + key + "'");
    }
}

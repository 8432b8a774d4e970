package dev.queuectl.daemon.job;

import java.util.Locale;

/**
 * The five states of a job, as the domain knows them. {@link #key()} is the stable lower-case
 * name a store keeps; the service maps states to the protocol's own enum.
 */
public enum JobState {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED,
    DEAD;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** The stable lower-case name ({@code pending}, ...). */
    public String key() {
        return key;
    }

    /** Whether a job in this state will not change again by itself (completed or dead). */
    public boolean isFinal() {
        return this == COMPLETED || this == DEAD;
    }

    /** The state with this {@link #key()}; an {@link IllegalArgumentException} for any other text. */
    public static JobState ofKey(String key) {
        for (JobState s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown job state '" + key + "'");
    }
}

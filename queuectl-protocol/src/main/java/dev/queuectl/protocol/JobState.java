package dev.queuectl.protocol;

import java.util.Locale;

/** The five states of a job on the wire; the README (How a job runs) shows the moves between them. */
public enum JobState {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED,
    DEAD;

    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wire;
    }

    /** Parses a state name as written by users and on the wire ({@code pending}, {@code DEAD}, ...). */
    public static JobState parse(String text) {
        for (JobState s : values()) {
            if (s.wire.equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw ProtocolException.invalid("unknown state '" + text
                + "': expected one of pending, processing, completed, failed, dead");
    }
}

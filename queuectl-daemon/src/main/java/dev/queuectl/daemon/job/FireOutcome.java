package dev.queuectl.daemon.job;

import java.util.Locale;

/** What a schedule's fire time came to. */
public enum FireOutcome {
    /** On time: its job was enqueued. */
    FIRED,
    /** Late, after downtime: its job was enqueued as the one catch-up firing. */
    CAUGHT_UP,
    /** Late, after downtime, with catch-up none: nothing was enqueued. */
    MISSED,
    /** The previous firing's job had not finished (overlap skip): nothing was enqueued. */
    SKIPPED,
    /** Fired on request ({@code schedule run}), outside its times. */
    RUN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FireOutcome ofKey(String key) {
        return key == null ? null : valueOf(key.toUpperCase(Locale.ROOT));
    }
}

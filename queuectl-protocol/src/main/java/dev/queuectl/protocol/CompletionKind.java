package dev.queuectl.protocol;

import java.util.Locale;

/**
 * What a shell completion asks the daemon for. States need no daemon (the set is closed) and are
 * completed by the client itself; queue names join this list when queues exist.
 */
public enum CompletionKind {
    /** Job ids, most recently enqueued first. */
    JOB_IDS,
    /** Keys of the labels jobs carry. */
    LABEL_KEYS,
    /** Runtime setting keys (config get/set). */
    CONFIG_KEYS;

    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wire;
    }

    public static CompletionKind parse(String text) {
        for (CompletionKind k : values()) {
            if (k.wire.equals(text)) {
                return k;
            }
        }
        throw ProtocolException.invalid("unknown completion kind '" + text + "': expected job_ids, label_keys or"
                + " config_keys");
    }
}

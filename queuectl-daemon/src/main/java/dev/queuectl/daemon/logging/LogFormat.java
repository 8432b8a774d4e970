package dev.queuectl.daemon.logging;

import java.util.Locale;
import java.util.Map;

/**
 * How the daemon writes its log to stderr. Chosen before the first logger exists, by setting
 * the property the shipped {@code logback.xml} reads.
 */
public enum LogFormat {
    /** Journal when systemd connected stderr to the journal, text otherwise. */
    AUTO,
    TEXT,
    JOURNAL,
    JSON;

    public static LogFormat parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** Applies the format; must run before any logger is created. */
    public void install(Map<String, String> env) {
        LogFormat chosen = this;
        if (this == AUTO) {
            String journal = env.get("JOURNAL_STREAM");
            chosen = journal != null && !journal.isBlank() ? JOURNAL : TEXT;
        }
        System.setProperty("queuectl.log.appender", chosen.name());
    }
}

package dev.queuectl.daemon.config;

/**
 * A daemon setting is invalid; the message names where it came from (flag, variable, file line).
 * {@link #onCommandLine()} tells a usage error (a bad flag) from a bad environment or file.
 */
public final class SettingsException extends RuntimeException {
    private final boolean onCommandLine;

    public SettingsException(String message) {
        this(message, false);
    }

    public SettingsException(String message, boolean onCommandLine) {
        super(message, null, false, false);
        this.onCommandLine = onCommandLine;
    }

    public boolean onCommandLine() {
        return onCommandLine;
    }
}

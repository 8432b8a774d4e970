package dev.queuectl.daemon.config;

/** A daemon setting is invalid; the message names where it came from (flag, variable, file line). */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message, null, false, false);
    }
}

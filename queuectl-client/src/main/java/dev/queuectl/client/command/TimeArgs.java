package dev.queuectl.client.command;

import dev.queuectl.client.CommandFailure;
import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Times given on the command line: {@code 2026-11-23T10:00:00Z}, a local time such as
 * {@code 2026-11-23 10:00}, or for {@code --since}/{@code --until} a duration meaning that long
 * ago ({@code 2h}, {@code 3d}).
 */
final class TimeArgs {
    private TimeArgs() {
    }

    /** An absolute time, or a local one in {@code zone}; null when {@code text} is neither. */
    static Instant absolute(String text, ZoneId zone) {
        try {
            return Timestamps.parse(text);
        } catch (IllegalArgumentException e) {
            try {
                return LocalDateTime.parse(text.trim().replace(' ', 'T')).atZone(zone).toInstant();
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }

    /** A time, or a duration before {@code now}; a usage error naming {@code option} otherwise. */
    static Instant timeOrAgo(String option, String text, Instant now, ZoneId zone) {
        Instant at = absolute(text, zone);
        if (at != null) {
            return at;
        }
        try {
            return now.minus(Durations.parse(text));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw CommandFailure.usage(option + ": '" + text + "' is neither a time (2026-11-23T10:00:00Z,"
                    + " 2026-11-23 10:00) nor a duration ago (30m, 2h, 3d)");
        }
    }
}

package dev.queuectl.client.render;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.Timestamps;
import java.time.Duration;
import java.time.Instant;

/** Human forms of times and sizes for tables and sentences. */
public final class Format {

    private Format() {
    }

    /** {@code 2026-11-23 10:00:00Z}, or "-" for none. */
    public static String time(Instant t) {
        if (t == null) {
            return "-";
        }
        // Instant.toString is ISO-8601 with a T; people read a space more easily. No
        // DateTimeFormatter: it costs start-up time on every call of the client.
        String iso = Timestamps.format(t);
        int dot = iso.indexOf('.');
        String seconds = dot > 0 ? iso.substring(0, dot) + "Z" : iso;
        return seconds.replace('T', ' ');
    }

    /** {@code 2026-11-23 10:00:00Z (in 5m)} / {@code (3s ago)}. */
    public static String timeRelative(Instant t, Instant now) {
        if (t == null) {
            return "-";
        }
        Duration d = Duration.between(now, t);
        String rel = d.isNegative() ? Durations.format(d.negated()) + " ago" : "in " + Durations.format(d);
        return time(t) + " (" + rel + ")";
    }

    public static String duration(Duration d) {
        return d == null ? "-" : Durations.format(d);
    }

    public static String seconds(double s) {
        return Durations.format(Duration.ofMillis(Math.round(s * 1000)));
    }

    /** Cuts a long one-line text for a table cell. */
    public static String cell(String s, int max) {
        if (s == null) {
            return "-";
        }
        String oneLine = s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}

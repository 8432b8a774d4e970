package dev.queuectl.client.render;

import dev.queuectl.protocol.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Human forms of times and sizes for tables and sentences. */
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** {@code 2026-11-23 10:00:00Z}, or "-" for none. */
    public static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
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

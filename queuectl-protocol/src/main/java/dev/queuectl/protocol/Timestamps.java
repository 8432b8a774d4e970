package dev.queuectl.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamps on the wire: ISO-8601 in UTC with millisecond precision, e.g. {@code 2026-11-23T10:00:00.250Z}. */
public final class Timestamps {
    private Timestamps() {
    }

    public static String format(Instant t) {
        if (t == null) {
            return null;
        }
        // By hand rather than with DateTimeFormatter: the client formats and parses timestamps on
        // every call, and the formatter machinery costs milliseconds of start-up.
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        int millis = t.getNano() / 1_000_000;
        StringBuilder b = new StringBuilder(24);
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
        }
        b.append(d.getYear()).append('-');
        two(b, d.getMonthValue()).append('-');
        two(b, d.getDayOfMonth()).append('T');
        two(b, d.getHour()).append(':');
        two(b, d.getMinute()).append(':');
        two(b, d.getSecond());
        if (millis != 0) {
            b.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                    .append((char) ('0' + millis % 10));
        }
        return b.append('Z').toString();
    }

    static StringBuilder two(StringBuilder b, int n) {
        return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    public static String formatMillis(Long epochMillis) {
        return epochMillis == null ? null : format(Instant.ofEpochMilli(epochMillis));
    }

    /** Accepts {@code 2026-11-23T10:00:00Z} and offsets such as {@code 2026-11-23T11:00:00+01:00}. */
    public static Instant parse(String text) {
        Instant fast = parseUtc(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException e) {
            // DateTimeParseException, and also an offset that pushes the time out of Instant's range
            throw new IllegalArgumentException("'" + text
                    + "' is not an ISO-8601 timestamp with a zone (for example 2026-11-23T10:00:00Z)");
        }
    }

    /** The common case, as {@link #format} writes it: yyyy-MM-ddTHH:mm:ss[.SSS]Z. Null for anything else. */
    private static Instant parseUtc(String s) {
        int n = s.length();
        if ((n != 20 && n != 24) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z'
                || (n == 24 && s.charAt(19) != '.')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int millis = n == 24 ? digits(s, 20, 3) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || millis < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

package dev.queuectl.protocol;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the duration syntax used on the command line and on the wire:
 * a plain number means seconds ({@code 30}, {@code 1.5}); otherwise one or more
 * number-unit pairs with units {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}
 * ({@code 250ms}, {@code 90s}, {@code 1h30m}).
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** Longest duration accepted anywhere: about 100 years, far inside {@link Duration}'s range. */
    public static final Duration MAX = Duration.ofDays(36_500);

    private Durations() {
    }

    public static Duration parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (NUMBER.matcher(s).matches()) {
            return ofSeconds(Double.parseDouble(s));
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        double millis = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            switch (m.group(2)) {
                case "ms": millis += n; break;
                case "s": millis += n * 1_000; break;
                case "m": millis += n * 60_000; break;
                case "h": millis += n * 3_600_000; break;
                default: millis += n * 86_400_000; break;
            }
            at = m.end();
        }
        if (at != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 30, 30s, 1.5s, 250ms, 5m, 1h30m, 2d)");
        }
        return ofMillis(millis);
    }

    public static Duration ofSeconds(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        return ofMillis(seconds * 1_000);
    }

    private static Duration ofMillis(double millis) {
        if (millis > MAX.toMillis()) {
            throw new IllegalArgumentException("duration longer than " + MAX.toDays() + " days");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** Seconds as a JSON number: whole seconds as an integer, otherwise with milliseconds. */
    public static Object toWire(Duration d) {
        if (d == null) {
            return null;
        }
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return ms / 1000;
        }
        return ms / 1000.0;
    }

    /** A compact human form: {@code 250ms}, {@code 45s}, {@code 1m30s}, {@code 2h}, {@code 3d4h}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            long tenths = (ms % 1000) / 100;
            return tenths == 0 || s >= 10 ? s + "s" : s + "." + tenths + "s";
        }
        long days = s / 86400;
        long hours = (s % 86400) / 3600;
        long minutes = (s % 3600) / 60;
        long seconds = s % 60;
        StringBuilder b = new StringBuilder();
        if (days > 0) {
            b.append(days).append('d');
            if (hours > 0) {
                b.append(hours).append('h');
            }
            return b.toString();
        }
        if (hours > 0) {
            b.append(hours).append('h');
            if (minutes > 0) {
                b.append(minutes).append('m');
            }
            return b.toString();
        }
        b.append(minutes).append('m');
        if (seconds > 0) {
            b.append(seconds).append('s');
        }
        return b.toString();
    }
}

package dev.queuectl.protocol;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of queuectl, on the command line, on the wire, in the daemon's flags
 * and in runtime settings: a plain number means seconds ({@code 30}, {@code 1.5}); otherwise
 * one or more number-unit pairs with units {@code ms}, {@code s}, {@code m}, {@code h},
 * {@code d} ({@code 250ms}, {@code 90s}, {@code 1h30m}). The smallest unit is the millisecond:
 * a value finer than that is refused, never rounded. {@code 0} always means a zero duration
 * (never "no limit": settings that allow no limit spell it {@code none}). Every duration lies
 * between 0 and {@link #MAX}; each field narrows that with its own {@link DurationRule}
 * (see {@link TimeRules}). Stateless and thread-safe.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** At most this many digits per number: enough for any value up to MAX, and no huge BigDecimals. */
    private static final int MAX_DIGITS = 24;
    /**
     * The longest duration accepted anywhere: 36,500 days (about 100 years). Its nanoseconds fit in
     * a {@code long} (2^63 ns is about 292 years), so {@link Duration#toNanos()} and deadline
     * arithmetic on {@code System.nanoTime()} never overflow on an accepted value.
     */
    public static final Duration MAX = Duration.ofDays(36_500);
    private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(MAX.toMillis());
    private static final String EXAMPLES = "examples: 30, 1.5, 250ms, 90s, 5m, 1h30m, 2d";

    private Durations() {
    }

    /**
     * Parses a duration as written by a person. Throws {@link IllegalArgumentException} with a
     * message that quotes the text and says what is wrong (syntax, below 1ms, over {@link #MAX}).
     */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty text is not a duration (" + EXAMPLES + ")");
        }
        if (NUMBER.matcher(s).matches()) {
            return ofMillis(decimal(s, text).multiply(BigDecimal.valueOf(1_000)), text);
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        BigDecimal millis = BigDecimal.ZERO;
        while (at < s.length() && m.find(at) && m.start() == at) {
            BigDecimal n = decimal(m.group(1), text);
            long unit;
            switch (m.group(2)) {
                case "ms": unit = 1; break;
                case "s": unit = 1_000; break;
                case "m": unit = 60_000; break;
                case "h": unit = 3_600_000; break;
                default: unit = 86_400_000; break;
            }
            millis = millis.add(n.multiply(BigDecimal.valueOf(unit)));
            at = m.end();
        }
        if (at != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (" + EXAMPLES + ")");
        }
        return ofMillis(millis, text);
    }

    private static BigDecimal decimal(String digits, String text) {
        if (digits.length() > MAX_DIGITS) {
            throw tooLong(text);
        }
        return new BigDecimal(digits);
    }

    /** A JSON number of seconds ({@code 30}, {@code 0.25}) as a duration; same limits as {@link #parse}. */
    public static Duration ofSeconds(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        if (Double.isInfinite(seconds)) {
            throw tooLong(Double.toString(seconds));
        }
        // BigDecimal.valueOf goes through the shortest decimal form, so 0.3 is 300ms exactly.
        return ofMillis(BigDecimal.valueOf(seconds).multiply(BigDecimal.valueOf(1_000)), Durations.number(seconds));
    }

    /** A JSON integer of seconds as a duration; same limits as {@link #parse}. */
    public static Duration ofSeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        return ofMillis(BigDecimal.valueOf(seconds).multiply(BigDecimal.valueOf(1_000)), Long.toString(seconds));
    }

    private static Duration ofMillis(BigDecimal millis, String text) {
        if (millis.compareTo(MAX_MILLIS) > 0) {
            throw tooLong(text);
        }
        if (millis.signum() != 0 && millis.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text.trim()
                    + "' is finer than a millisecond, the smallest unit of a duration");
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("'" + text.trim() + "' is longer than " + MAX.toDays()
                + "d, the longest duration queuectl accepts");
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
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

    /**
     * The exact value in the duration syntax, largest units first: {@code 0}, {@code 250ms},
     * {@code 1.5s}, {@code 1h30m15s}, {@code 2d}. {@link #parse} reads it back to the same value,
     * so settings are shown as they are stored.
     */
    public static String text(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        StringBuilder b = new StringBuilder();
        long days = ms / 86_400_000;
        long hours = ms / 3_600_000 % 24;
        long minutes = ms / 60_000 % 60;
        long seconds = ms / 1000 % 60;
        long millis = ms % 1000;
        if (days > 0) {
            b.append(days).append('d');
        }
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (minutes > 0) {
            b.append(minutes).append('m');
        }
        if (seconds > 0 || millis > 0) {
            b.append(seconds);
            if (millis > 0) {
                String frac = Long.toString(1000 + millis).substring(1);
                while (frac.endsWith("0")) {
                    frac = frac.substring(0, frac.length() - 1);
                }
                b.append('.').append(frac);
            }
            b.append('s');
        }
        return b.toString();
    }

    /**
     * A compact, rounded human form for ages and run times: {@code 250ms}, {@code 45s},
     * {@code 1m30s}, {@code 2h}, {@code 3d4h}. Not exact; {@link #text} is.
     */
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

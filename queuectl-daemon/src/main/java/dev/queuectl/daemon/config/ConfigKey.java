package dev.queuectl.daemon.config;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.ProtocolException;
import java.time.Duration;
import java.util.Locale;

/**
 * The runtime settings users change with {@code queuectl config set}. Each key knows how to
 * parse and check a value typed by a person, its stored form, its JSON form and its default.
 * Keys are accepted with {@code _} or {@code -}.
 */
public enum ConfigKey {
    MAX_RETRIES("Retries after the first run, for jobs enqueued without max_retries (0-1000).") {
        @Override
        Object parse(String text) {
            return parseInt(text, 0, 1000);
        }
    },
    BACKOFF_BASE("Retry n waits backoff_base^n seconds (a number from 1 to 1000, decimals allowed).") {
        @Override
        Object parse(String text) {
            double d;
            try {
                d = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw refuse(text, "a number from 1 to 1000, such as 2 or 1.5");
            }
            if (!(d >= 1 && d <= 1000)) {
                throw refuse(text, "a number from 1 to 1000");
            }
            return d;
        }
    },
    BACKOFF_MAX("Longest wait between retries (a duration such as 3600, 90s or 1h; 1s to 30d).") {
        @Override
        Object parse(String text) {
            return parseDuration(text, false);
        }
    },
    JOB_TIMEOUT("Time limit of one run, for jobs enqueued without timeout (a duration, or none).") {
        @Override
        Object parse(String text) {
            return parseDuration(text, true);
        }
    },
    WORKERS("Jobs run at once (1-256); a fresh store starts with the number of CPUs.") {
        @Override
        Object parse(String text) {
            return parseInt(text, 1, 256);
        }
    },
    KEEP_COMPLETED("How long completed jobs, their history and output are kept (1m to 3650d, or none: forever).") {
        @Override
        Object parse(String text) {
            return parseRetention(text);
        }
    },
    KEEP_DEAD("How long dead jobs are kept (1m to 3650d, or none: until purged or pruned by hand).") {
        @Override
        Object parse(String text) {
            return parseRetention(text);
        }
    };

    private final String key = name().toLowerCase(Locale.ROOT);
    private final String description;

    ConfigKey(String description) {
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** Parses and range-checks a value as typed; throws INVALID_ARGUMENT with the reason. */
    abstract Object parse(String text);

    /** Looks a key up, accepting {@code max-retries} for {@code max_retries}. */
    public static ConfigKey lookup(String name) {
        String normal = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (ConfigKey k : values()) {
            if (k.key.equals(normal)) {
                return k;
            }
        }
        StringBuilder known = new StringBuilder();
        for (ConfigKey k : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(k.key);
        }
        throw ProtocolException.invalid("unknown config key '" + name + "'; the keys are " + known);
    }

    /** The value in its stored and typed form: an integer, a number of seconds, or "none". */
    static String store(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Duration) {
            return String.valueOf(Durations.toWire((Duration) value));
        }
        if (value instanceof Double) {
            double d = (Double) value;
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
        return String.valueOf(value);
    }

    /** The value as a JSON value: a number, or null for none. */
    static Object wire(Object value) {
        if (value instanceof Duration) {
            return Durations.toWire((Duration) value);
        }
        return value;
    }

    /** The value as a person writes it: {@code 3}, {@code 1.5}, {@code 1h}, {@code none}. */
    static String text(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Duration) {
            return Durations.format((Duration) value);
        }
        return store(value);
    }

    ProtocolException refuse(String text, String expected) {
        return ProtocolException.invalid("invalid value '" + text + "' for " + key + ": expected " + expected);
    }

    Integer parseInt(String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refuse(text, "a whole number from " + min + " to " + max);
    }

    Duration parseRetention(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("none")) {
            return null;
        }
        Duration d;
        try {
            d = Durations.parse(t);
        } catch (IllegalArgumentException e) {
            throw refuse(text, "a duration such as 12h, 7d or 90d, or none");
        }
        if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofDays(3650)) > 0) {
            throw refuse(text, "a duration from 1m to 3650d, or none");
        }
        return d;
    }

    Duration parseDuration(String text, boolean noneAllowed) {
        String t = text.trim();
        if (noneAllowed && (t.equalsIgnoreCase("none") || t.equals("0"))) {
            return null;
        }
        Duration d;
        try {
            d = Durations.parse(t);
        } catch (IllegalArgumentException e) {
            throw refuse(text, "a duration such as 30, 90s, 5m or 1h" + (noneAllowed ? ", or none" : ""));
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofDays(30)) > 0) {
            throw refuse(text, "a duration from 1s to 30d" + (noneAllowed ? ", or none" : ""));
        }
        return d;
    }
}

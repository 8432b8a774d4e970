package dev.queuectl.protocol;

import java.time.Duration;
import java.util.Locale;

/**
 * The catalogue of runtime settings ({@code config get/set}): each key's name, meaning, range,
 * default and parser. The daemon stores and applies them; the client prints this catalogue in
 * {@code config --help}; both read it from here, so the two cannot disagree. Keys are accepted
 * with {@code _} or {@code -}. Immutable and thread-safe.
 */
public enum RuntimeKey {
    MAX_RETRIES("Retries after the first run, for jobs enqueued without max_retries.", "0 to 1000", "3"),
    BACKOFF_BASE("Retry n waits backoff_base^n seconds.", "a number from 1 to 1000, decimals allowed", "2"),
    BACKOFF_MAX("Longest wait between retries.", TimeRules.BACKOFF_MAX.range(), "1h"),
    JOB_TIMEOUT("Time limit of one run, for jobs enqueued without timeout.", TimeRules.JOB_TIMEOUT_SETTING.range(),
            "none"),
    WORKERS("Jobs run at once; a fresh store starts with the number of CPUs.", "1 to 256", "CPUs"),
    KEEP_COMPLETED("How long completed jobs, their history and output are kept; none: forever.",
            TimeRules.RETENTION.range(), "7d"),
    KEEP_DEAD("How long dead jobs are kept; none: until purged or pruned by hand.", TimeRules.RETENTION.range(),
            "none");

    /** The most workers a pool may have. */
    public static final int MAX_WORKERS = 256;

    private final String key = name().toLowerCase(Locale.ROOT);
    private final String meaning;
    private final String range;
    private final String defaultText;

    RuntimeKey(String meaning, String range, String defaultText) {
        this.meaning = meaning;
        this.range = range;
        this.defaultText = defaultText;
    }

    /** The key as stored and shown: {@code max_retries}. */
    public String key() {
        return key;
    }

    /** What the setting does, one sentence. */
    public String meaning() {
        return meaning;
    }

    /** The accepted values: {@code 0 to 1000}, {@code 1s to 30d}, {@code 1ms to 30d, or none}. */
    public String range() {
        return range;
    }

    /** The default as a person writes it; {@code CPUs} for workers, which depends on the machine. */
    public String defaultText() {
        return defaultText;
    }

    /** Meaning and range in one line, as {@code config show} and the wire's {@code description} give it. */
    public String description() {
        return meaning.substring(0, meaning.length() - 1) + " (" + range + ").";
    }

    /**
     * Parses and range-checks a value as typed ({@code 5}, {@code 1.5}, {@code 90s}, {@code none}).
     * Returns an {@link Integer}, a {@link Double}, a {@link Duration}, or null for none; throws
     * INVALID_ARGUMENT naming the key, the value and the range.
     */
    public Object parse(String text) {
        switch (this) {
            case MAX_RETRIES: return parseInt(text, 0, JobSpec.MAX_RETRIES_LIMIT);
            case BACKOFF_BASE: return parseBase(text);
            case BACKOFF_MAX: return parseDuration(text, TimeRules.BACKOFF_MAX);
            case JOB_TIMEOUT: return parseDuration(text, TimeRules.JOB_TIMEOUT_SETTING);
            case WORKERS: return parseInt(text, 1, MAX_WORKERS);
            default: return parseDuration(text, TimeRules.RETENTION);
        }
    }

    private Duration parseDuration(String text, DurationRule rule) {
        try {
            return rule.parse(key, text);
        } catch (ProtocolException e) {
            String zero = rule.noneAllowed() && text.trim().matches("0+(\\.0*)?[a-z]*")
                    ? " (0 is not \"no limit\": write none)" : "";
            throw refuse(text, "a duration from " + rule.range() + zero);
        }
    }

    private ProtocolException refuse(String text, String expected) {
        return ProtocolException.invalid("invalid value '" + text + "' for " + key + ": expected " + expected);
    }

    private Integer parseInt(String text, int min, int max) {
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

    private Double parseBase(String text) {
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

    /** Looks a key up, accepting {@code max-retries} for {@code max_retries}; INVALID_ARGUMENT if unknown. */
    public static RuntimeKey lookup(String name) {
        String normal = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (RuntimeKey k : values()) {
            if (k.key.equals(normal)) {
                return k;
            }
        }
        throw ProtocolException.invalid("unknown config key '" + name + "'; the keys are " + names());
    }

    /** Every key, comma-separated, in catalogue order. */
    public static String names() {
        StringBuilder known = new StringBuilder();
        for (RuntimeKey k : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(k.key);
        }
        return known.toString();
    }
}

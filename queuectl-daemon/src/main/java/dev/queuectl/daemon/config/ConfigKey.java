package dev.queuectl.daemon.config;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.RuntimeKey;
import java.time.Duration;

/**
 * The runtime settings users change with {@code queuectl config set}, as the daemon stores and
 * applies them. Names, meanings, ranges, defaults and parsing come from the protocol's
 * {@link RuntimeKey} catalogue (which the client prints in its help); this enum adds the stored,
 * JSON and display forms. Keys are accepted with {@code _} or {@code -}. Immutable.
 */
public enum ConfigKey {
    MAX_RETRIES,
    BACKOFF_BASE,
    BACKOFF_MAX,
    JOB_TIMEOUT,
    WORKERS,
    KEEP_COMPLETED,
    KEEP_DEAD;

    private final RuntimeKey catalogue = RuntimeKey.valueOf(name());

    public String key() {
        return catalogue.key();
    }

    /** Meaning and range, as {@code config show} prints it. */
    public String description() {
        return catalogue.description();
    }

    /** The catalogue entry: meaning, range, default text. */
    public RuntimeKey catalogue() {
        return catalogue;
    }

    /** Parses and range-checks a value as typed; throws INVALID_ARGUMENT with the reason. */
    Object parse(String text) {
        return catalogue.parse(text);
    }

    /** Looks a key up, accepting {@code max-retries} for {@code max_retries}. */
    public static ConfigKey lookup(String name) {
        return valueOf(RuntimeKey.lookup(name).name());
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
            return Durations.text((Duration) value);
        }
        return store(value);
    }
}

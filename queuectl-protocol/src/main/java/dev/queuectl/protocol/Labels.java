package dev.queuectl.protocol;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for job labels ({@code key=value} pairs to filter and act on jobs in bulk), checked
 * by the client and by the daemon. Stateless and thread-safe.
 */
public final class Labels {
    /** 1-63 characters from A-Z a-z 0-9 . _ / -, starting with a letter or digit. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");
    public static final int MAX_VALUE_LENGTH = 256;
    public static final int MAX_LABELS = 32;

    private Labels() {
    }

    public static void checkKey(String what, String key) {
        if (!KEY.matcher(key).matches()) {
            throw ProtocolException.invalid(what + ": '" + DisplayName.of(key) + "' is not a label key"
                    + " (1-63 of A-Z a-z 0-9 . _ / -, starting with a letter or digit)");
        }
    }

    public static void checkValue(String what, String key, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw ProtocolException.invalid(what + ": the value of label " + key + " is longer than "
                    + MAX_VALUE_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ProtocolException.invalid(what + ": the value of label " + key
                        + " contains a control character");
            }
        }
    }

    /** Checks every label; returns an unmodifiable copy in the given order (an empty map for null). */
    public static Map<String, String> check(String what, Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        if (labels.size() > MAX_LABELS) {
            throw ProtocolException.invalid(what + " holds " + labels.size() + " labels; a job may have at most "
                    + MAX_LABELS);
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            checkKey(what, e.getKey());
            if (e.getValue() == null) {
                throw ProtocolException.invalid(what + ": label " + e.getKey() + " has no value");
            }
            checkValue(what, e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Parses {@code KEY=VALUE} (the value may be empty); {@code what} names the option or field. */
    public static Map.Entry<String, String> parse(String what, String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw ProtocolException.invalid(what + ": '" + DisplayName.of(text) + "' is not KEY=VALUE");
        }
        String key = text.substring(0, eq);
        String value = text.substring(eq + 1);
        checkKey(what, key);
        checkValue(what, key, value);
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    /**
     * Parses a label condition of a filter: {@code KEY=VALUE} (that value) or {@code KEY} (any
     * value). The value of the entry is null for a key alone.
     */
    public static Map.Entry<String, String> parseMatch(String what, String text) {
        if (text.indexOf('=') >= 0) {
            return parse(what, text);
        }
        checkKey(what, text);
        return new AbstractMap.SimpleImmutableEntry<>(text, null);
    }
}

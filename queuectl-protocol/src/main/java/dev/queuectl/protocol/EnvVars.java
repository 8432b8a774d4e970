package dev.queuectl.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for a job's environment variables, checked by the client before sending and by the
 * daemon on receipt. Values may be secrets: no message built here ever contains one, only
 * variable names. Stateless and thread-safe.
 */
public final class EnvVars {
    /** Portable shell variable names, as POSIX defines them. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
    /** Variables queuectld sets for every run; a job cannot set them. */
    public static final String RESERVED_PREFIX = "QUEUECTL_";
    public static final int MAX_VARIABLES = 500;
    /** All names and values of one job, as {@code NAME=value} strings with their NUL, at most this many bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private EnvVars() {
    }

    /** Whether queuectld reserves this name for itself. */
    public static boolean reserved(String name) {
        return name.startsWith(RESERVED_PREFIX);
    }

    /** Checks a variable name; {@code what} names where it came from ("--env", "field 'env'"). */
    public static void checkName(String what, String name) {
        if (!NAME.matcher(name).matches()) {
            throw ProtocolException.invalid(what + ": '" + DisplayName.of(name) + "' is not a variable name"
                    + " (letters, digits and _, not starting with a digit, at most 256 characters)");
        }
        if (reserved(name)) {
            throw ProtocolException.invalid(what + ": " + name + " is set by queuectld for every run;"
                    + " variables starting with " + RESERVED_PREFIX + " cannot be given to a job");
        }
    }

    /**
     * Checks every variable and the total size; returns an unmodifiable copy in the given order
     * (an empty map for null). Messages name variables, never their values.
     */
    public static Map<String, String> check(String what, Map<String, String> env) {
        if (env == null || env.isEmpty()) {
            return Map.of();
        }
        if (env.size() > MAX_VARIABLES) {
            throw ProtocolException.invalid(what + " holds " + env.size() + " variables; a job may have at most "
                    + MAX_VARIABLES);
        }
        long bytes = 0;
        for (Map.Entry<String, String> e : env.entrySet()) {
            checkName(what, e.getKey());
            String value = e.getValue();
            if (value == null) {
                throw ProtocolException.invalid(what + ": variable " + e.getKey() + " has no value");
            }
            if (value.indexOf('\0') >= 0) {
                throw ProtocolException.invalid(what + ": the value of " + e.getKey() + " contains a NUL character");
            }
            bytes += e.getKey().length() + 2 + value.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_BYTES) {
            throw ProtocolException.invalid(what + " is " + bytes + " bytes; a job's variables may take at most "
                    + MAX_BYTES + " bytes (names, values and separators)");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }
}

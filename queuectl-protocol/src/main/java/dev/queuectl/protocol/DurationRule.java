package dev.queuectl.protocol;

import java.time.Duration;

/**
 * The accepted range of one kind of duration (a job's time limit, a delay, a drain timeout, ...),
 * and whether the word {@code none} (no limit) stands in for a value. Every duration field,
 * flag and setting checks its value with one of the rules in {@link TimeRules}, naming itself
 * in the error: {@code --delay}, {@code field 'delay'}, {@code job_timeout}. Immutable.
 *
 * @param min         the shortest accepted value (zero or more)
 * @param max         the longest accepted value, at most {@link Durations#MAX}
 * @param noneAllowed whether {@code none} is accepted, meaning no limit (parsed as null)
 */
public record DurationRule(Duration min, Duration max, boolean noneAllowed) {
    public DurationRule {
        if (min.isNegative() || max.compareTo(Durations.MAX) > 0 || min.compareTo(max) > 0) {
            throw new IllegalArgumentException("bad range " + min + " to " + max);
        }
    }

    /** The range as help texts and errors write it: {@code 1ms to 30d}, {@code 1m to 3650d, or none}. */
    public String range() {
        return Durations.text(min) + " to " + Durations.text(max) + (noneAllowed ? ", or none" : "");
    }

    /**
     * Parses {@code text} and checks it. {@code what} names the value as the user gave it
     * ({@code --timeout}, {@code field 'timeout'}, {@code job_timeout}); the error is
     * INVALID_ARGUMENT and names it, the range and the text. Returns null for {@code none}.
     */
    public Duration parse(String what, String text) {
        String t = text.trim();
        if (noneAllowed && t.equalsIgnoreCase("none")) {
            return null;
        }
        Duration d;
        try {
            d = Durations.parse(t);
        } catch (IllegalArgumentException e) {
            throw ProtocolException.invalid(what + ": " + e.getMessage() + "; " + expected());
        }
        return check(what, d, text);
    }

    /** Checks a value that was already read ({@code shown} is how to quote it in the error). */
    public Duration check(String what, Duration d, String shown) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            String zero = d.isZero() && noneAllowed ? " (0 is not \"no limit\": write none)" : "";
            throw ProtocolException.invalid(what + " must be from " + range() + ", not " + shown.trim() + zero);
        }
        return d;
    }

    /** Checks a value built in code. */
    public Duration check(String what, Duration d) {
        return check(what, d, Durations.text(d));
    }

    private String expected() {
        return "expected a duration from " + range();
    }
}

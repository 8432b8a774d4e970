package dev.queuectl.bench;

import java.util.Locale;

/** A figure's target: its text for the table and whether a value meets it (null when there is none). */
interface Target {
    String text();

    Boolean met(double value, double baseline);

    static Target none() {
        return of("—", (v, b) -> null);
    }

    static Target ratioAtLeast(double r) {
        return of("≥ " + num(r) + "× baseline", (v, b) -> v >= r * b);
    }

    static Target ratioAtMost(double r) {
        return of("≤ " + num(r) + "× baseline", (v, b) -> v <= r * b);
    }

    static Target atLeast(double x, Unit unit) {
        return of("≥ " + unit.format(x), (v, b) -> v >= x);
    }

    static Target atMost(double x, Unit unit) {
        return of("≤ " + unit.format(x), (v, b) -> v <= x);
    }

    /** Value at most baseline plus {@code plus} (same unit). */
    static Target atMostBaselinePlus(double plus, String plusText) {
        return of("≤ baseline + " + plusText, (v, b) -> v <= b + plus);
    }

    private static String num(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%s", r);
    }

    private static Target of(String text, Check check) {
        return new Target() {
            @Override
            public String text() {
                return text;
            }

            @Override
            public Boolean met(double value, double baseline) {
                return check.met(value, baseline);
            }
        };
    }

    /** The comparison behind a target. */
    @FunctionalInterface
    interface Check {
        Boolean met(double value, double baseline);
    }
}

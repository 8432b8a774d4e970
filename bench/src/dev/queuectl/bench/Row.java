package dev.queuectl.bench;

import java.util.Locale;

/** One line of the results table, already formatted. */
record Row(String figure, String value, String baseline, String ratio, String target, String met) {

    /**
     * A measured value beside its baseline from the same run. {@code baselineWhat} says what the
     * baseline is; a NaN baseline means there is none (ratio "n/a").
     */
    static Row of(String figure, double value, Unit unit, double baseline, String baselineWhat, Target target) {
        boolean hasBaseline = !Double.isNaN(baseline);
        String base = hasBaseline ? unit.format(baseline) + " (" + baselineWhat + ")" : baselineWhat;
        String ratio = hasBaseline && baseline != 0 ? String.format(Locale.ROOT, "%.2f×", value / baseline) : "n/a";
        Boolean met = target.met(value, baseline);
        return new Row(figure, unit.format(value), base, ratio, target.text(), met == null ? "—" : met ? "yes" : "NO");
    }

    /** A figure that could not be measured: the failure goes in its value cell. */
    static Row error(String figure, Throwable e, String target) {
        String msg = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
        msg = msg.replace('\n', ' ');
        if (msg.length() > 200) {
            msg = msg.substring(0, 200) + "…";
        }
        return new Row(figure, "error: " + msg, "—", "—", target, "—");
    }

    boolean isError() {
        return value.startsWith("error:");
    }
}

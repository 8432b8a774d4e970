package dev.queuectl.bench;

import java.util.List;

/** Renders the rows as an aligned text table (for the terminal) and as a markdown table. */
final class ResultsTable {
    static final String[] HEADER = {"figure", "value", "baseline (same run)", "ratio", "target", "met?"};

    private ResultsTable() {
    }

    static String text(List<Row> rows) {
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
        }
        for (Row r : rows) {
            String[] cells = cells(r);
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, HEADER, width);
        String[] rule = new String[HEADER.length];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(b, rule, width);
        for (Row r : rows) {
            line(b, cells(r), width);
        }
        return b.toString();
    }

    static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        b.append("|").append("---|".repeat(HEADER.length)).append('\n');
        for (Row r : rows) {
            b.append("|");
            for (String c : cells(r)) {
                b.append(' ').append(c.replace("|", "\\|")).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String[] cells(Row r) {
        return new String[] {r.figure(), r.value(), r.baseline(), r.ratio(), r.target(), r.met()};
    }

    private static void line(StringBuilder b, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : " | ").append(cells[i]);
            if (i < cells.length - 1) {
                b.append(" ".repeat(width[i] - cells[i].length()));
            }
        }
        b.append('\n');
    }
}

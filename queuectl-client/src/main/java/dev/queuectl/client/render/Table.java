package dev.queuectl.client.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with left-aligned columns separated by two spaces; the last column is not
 * padded. Cells are escaped ({@link DisplayText#escape}) and measured in terminal columns, so
 * wide and combining characters line up. A column may have a most width of its own. When the
 * table would be wider than the terminal, the columns marked {@link #droppable} are left out
 * (in the order given) while even the narrowest layout would not fit, then the columns marked
 * {@link #shrinkable} are cut, with {@code …}. Not thread-safe.
 */
public final class Table {
    /** A shrinkable column is never cut narrower than this (or its header). */
    static final int MIN_SHRUNK_WIDTH = 8;

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final int[] limit;
    private final boolean[] shrinkable;
    private int[] dropOrder = new int[0];

    public Table(String... header) {
        this.columns = header.length;
        this.limit = new int[columns];
        this.shrinkable = new boolean[columns];
        Arrays.fill(limit, Integer.MAX_VALUE);
        rows.add(header);
    }

    /** Cells of column {@code column} are cut to at most {@code max} columns, whatever the terminal. */
    public Table limit(int column, int max) {
        limit[column] = max;
        return this;
    }

    /** These columns are cut further when the table does not fit the terminal. */
    public Table shrinkable(int... shrinkableColumns) {
        for (int c : shrinkableColumns) {
            shrinkable[c] = true;
        }
        return this;
    }

    /** These columns, in this order, are left out when the table cannot fit the terminal otherwise. */
    public Table droppable(int... columnsInOrder) {
        dropOrder = columnsInOrder.clone();
        return this;
    }

    public Table row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            Object c = i < cells.length ? cells[i] : null;
            r[i] = c == null ? "-" : DisplayText.escape(c.toString());
        }
        rows.add(r);
        return this;
    }

    public int size() {
        return rows.size() - 1;
    }

    /** Prints the table without a width limit (but with each column's own limit). */
    public void print(PrintWriter out) {
        print(out, 0);
    }

    /** Prints the table within {@code terminalWidth} columns where the table allows; 0: no limit. */
    public void print(PrintWriter out, int terminalWidth) {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], Math.min(limit[i], DisplayText.width(r[i])));
            }
        }
        boolean[] shown = new boolean[columns];
        Arrays.fill(shown, true);
        if (terminalWidth > 0) {
            for (int d = 0; d < dropOrder.length && narrowest(width, shown) > terminalWidth; d++) {
                shown[dropOrder[d]] = false;
            }
            shrinkToFit(width, shown, terminalWidth);
        }
        int last = columns - 1;
        while (last > 0 && !shown[last]) {
            last--;
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.setLength(0);
            for (int i = 0; i <= last; i++) {
                if (!shown[i]) {
                    continue;
                }
                String cell = DisplayText.fit(r[i], width[i]);
                b.append(cell);
                if (i < last) {
                    b.append(" ".repeat(width[i] - DisplayText.width(cell) + 2));
                }
            }
            out.println(b.toString().stripTrailing());
        }
    }

    /** The smallest a shrinkable column gets: its header, and at least {@link #MIN_SHRUNK_WIDTH}. */
    private int floor(int column, int[] width) {
        return Math.min(width[column], Math.max(MIN_SHRUNK_WIDTH, DisplayText.width(rows.get(0)[column])));
    }

    private int narrowest(int[] width, boolean[] shown) {
        int total = -2;
        for (int i = 0; i < columns; i++) {
            if (shown[i]) {
                total += (shrinkable[i] ? floor(i, width) : width[i]) + 2;
            }
        }
        return total;
    }

    private void shrinkToFit(int[] width, boolean[] shown, int terminalWidth) {
        int total = -2;
        for (int i = 0; i < columns; i++) {
            if (shown[i]) {
                total += width[i] + 2;
            }
        }
        while (total > terminalWidth) {
            int widest = -1;
            for (int i = 0; i < columns; i++) {
                if (shown[i] && shrinkable[i] && width[i] > floor(i, width) && (widest < 0 || width[i] > width[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return;
            }
            width[widest]--;
            total--;
        }
    }
}

package dev.queuectl.client.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays help text out for the fixed 80-column help, breaking lines at spaces only. picocli would
 * otherwise wrap long lines itself, and its line breaking may split a path after a {@code /} or a
 * flag after a {@code -}; text laid out here always fits, so picocli never has to. Stateless.
 */
final class HelpText {
    /** Width of a command's description and footer. */
    static final int TEXT_WIDTH = 80;
    /**
     * Width of an option's or parameter's description column: it starts after the longest option
     * name, at most at column 28 (picocli's long-option column is at most 20 wide).
     */
    static final int OPTION_WIDTH = 52;
    /** Width left for a command's summary in its parent's command list. */
    static final int SUMMARY_WIDTH = 64;

    private HelpText() {
    }

    /**
     * Each paragraph wrapped to {@code width}; a paragraph that starts with a space is laid out
     * already (a table row, an example) and is kept as it is.
     */
    static String[] wrap(int width, String... paragraphs) {
        List<String> lines = new ArrayList<>();
        for (String p : paragraphs) {
            if (p.isEmpty() || p.startsWith(" ") || p.length() <= width) {
                lines.add(p);
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String word : p.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines.toArray(new String[0]);
    }
}

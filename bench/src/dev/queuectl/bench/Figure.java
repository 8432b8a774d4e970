package dev.queuectl.bench;

import java.util.List;

/**
 * One figure of the benchmark: it measures its value and its baseline in the same run and adds
 * its rows to {@code out}. A figure that throws keeps the rows it already added; the harness
 * then adds an error row and goes on with the next figure.
 */
interface Figure {
    /** The name {@code --only} selects it by. */
    String name();

    /** The label of the error row if it fails before adding its own rows. */
    String title();

    /** The target text of that error row. */
    String target();

    void run(BenchContext ctx, List<Row> out) throws Exception;
}

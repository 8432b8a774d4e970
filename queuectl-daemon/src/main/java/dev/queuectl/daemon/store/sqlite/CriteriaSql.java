package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobState;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The SQL condition for a {@link JobCriteria} over a window of seqs: {@code seq BETWEEN ? AND ?}
 * and one clause per condition, each with bound parameters (states are the domain's own
 * constants). Label conditions are subqueries bounded by the same window, so each reads only
 * its slice of the label index. Immutable; its statements differ by the criteria's shape, so they
 * are prepared per use, not cached.
 */
final class CriteriaSql {
    /** Marks where a window's first and last seq are bound. */
    private static final Object LO = new Object();
    private static final Object HI = new Object();

    private final String where;
    private final List<Object> params;
    /** Whether a condition is checked row by row (text, times) rather than read from an index. */
    private final boolean scans;

    CriteriaSql(JobCriteria c) {
        StringBuilder b = new StringBuilder(" WHERE seq BETWEEN ? AND ?");
        List<Object> p = new ArrayList<>(List.of(LO, HI));
        if (!c.states().isEmpty()) {
            b.append(" AND state IN ").append(SqlStates.list(c.states()));
        }
        for (Map.Entry<String, String> label : c.labels().entrySet()) {
            if (label.getValue() == null) {
                b.append(" AND seq IN (").append(LabelSql.WITH_KEY).append(')');
                p.addAll(List.of(label.getKey(), LO, HI));
            } else {
                b.append(" AND seq IN (").append(LabelSql.WITH_VALUE).append(')');
                p.addAll(List.of(label.getKey(), label.getValue(), LO, HI));
            }
        }
        if (c.search() != null) {
            String pattern = "%" + c.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            b.append(" AND (id LIKE ? ESCAPE '\\' OR command LIKE ? ESCAPE '\\')");
            p.addAll(List.of(pattern, pattern));
        }
        if (c.createdFrom() != null) {
            b.append(" AND created_at >= ?");
            p.add(c.createdFrom().toEpochMilli());
        }
        if (c.createdBefore() != null) {
            b.append(" AND created_at < ?");
            p.add(c.createdBefore().toEpochMilli());
        }
        this.where = b.toString();
        this.params = p;
        this.scans = c.search() != null || c.createdFrom() != null || c.createdBefore() != null;
    }

    /** {@code WHERE seq BETWEEN ? AND ? AND ...}; bind with {@link #bind}. */
    String where() {
        return where;
    }

    /** Whether a window costs as many rows as it spans (rather than as many as match). */
    boolean scans() {
        return scans;
    }

    /** Binds the parameters, the window being seqs {@code lo} to {@code hi}; returns the next free index. */
    int bind(PreparedStatement ps, long lo, long hi) throws SQLException {
        int i = 1;
        for (Object v : params) {
            if (v == LO) {
                ps.setLong(i++, lo);
            } else if (v == HI) {
                ps.setLong(i++, hi);
            } else if (v instanceof Long) {
                ps.setLong(i++, (Long) v);
            } else {
                ps.setString(i++, (String) v);
            }
        }
        return i;
    }

    /**
     * The criteria as one statement per state when they name several: each is then read in seq
     * order straight off the (state, seq) index, and {@link #window} merges them, instead of one
     * statement sorting every match of a window.
     */
    static List<CriteriaSql> split(JobCriteria c) {
        if (c.states().size() <= 1) {
            return List.of(new CriteriaSql(c));
        }
        List<CriteriaSql> parts = new ArrayList<>();
        for (JobState s : JobState.values()) {
            if (c.states().contains(s)) {
                parts.add(new CriteriaSql(new JobCriteria(Set.of(s), c.labels(), c.search(), c.createdFrom(),
                        c.createdBefore())));
            }
        }
        return parts;
    }

    /**
     * The first {@code limit} rows of a window of seqs {@code lo} to {@code hi} in seq order (or
     * reversed), from every part; {@code select} turns a part's condition into its statement, whose
     * last parameter is the limit.
     */
    static <T> List<T> window(Tx tx, List<CriteriaSql> parts, Function<CriteriaSql, String> select, long lo, long hi,
                              int limit, boolean descending, Tx.RowMapper<T> mapper, ToLongFunction<T> seqOf)
            throws SQLException {
        List<T> rows = new ArrayList<>();
        for (CriteriaSql part : parts) {
            rows.addAll(tx.queryOnce(select.apply(part), ps -> ps.setInt(part.bind(ps, lo, hi), limit), mapper));
        }
        if (parts.size() > 1) {
            Comparator<T> bySeq = Comparator.comparingLong(seqOf);
            rows.sort(descending ? bySeq.reversed() : bySeq);
            if (rows.size() > limit) {
                rows = new ArrayList<>(rows.subList(0, limit));
            }
        }
        return rows;
    }

    /** The extra condition for the jobs an action applies to (their state, and the held mark for hold and release). */
    static String applicable(JobAction action) {
        String c = " AND state IN " + SqlStates.list(action.from());
        if (action == JobAction.HOLD) {
            return c + " AND held = 0";
        }
        return action == JobAction.RELEASE ? c + " AND held = 1" : c;
    }
}

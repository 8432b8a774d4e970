package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobCriteria;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL condition for a {@link JobCriteria}: one clause per condition, each with bound
 * parameters (states are the domain's own constants). States are served by the (state, seq)
 * index, labels by job_labels' indexes (a semi-join), text and times row by row. Immutable.
 */
final class PgCriteria {
    private final String where;
    private final List<Object> params;

    PgCriteria(JobCriteria c) {
        StringBuilder b = new StringBuilder(" WHERE true");
        List<Object> p = new ArrayList<>();
        if (!c.states().isEmpty()) {
            b.append(" AND state IN ").append(PgStates.list(c.states()));
        }
        for (Map.Entry<String, String> label : c.labels().entrySet()) {
            if (label.getValue() == null) {
                b.append(" AND seq IN (SELECT job_seq FROM job_labels WHERE key = ?)");
                p.add(label.getKey());
            } else {
                b.append(" AND seq IN (SELECT job_seq FROM job_labels WHERE key = ? AND value = ?)");
                p.add(label.getKey());
                p.add(label.getValue());
            }
        }
        if (c.search() != null) {
            // ILIKE ignores case beyond ASCII too; the escape character is LIKE's default, the backslash
            String pattern = "%" + c.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            b.append(" AND (id ILIKE ? OR command ILIKE ?)");
            p.add(pattern);
            p.add(pattern);
        }
        if (c.createdFrom() != null) {
            b.append(" AND created_at >= ?");
            p.add(c.createdFrom().toEpochMilli());
        }
        if (c.createdBefore() != null) {
            b.append(" AND created_at < ?");
            p.add(c.createdBefore().toEpochMilli());
        }
        if (c.queue() != null) {
            b.append(" AND queue = ?");
            p.add(c.queue());
        }
        this.where = b.toString();
        this.params = p;
    }

    /** {@code WHERE ...}; bind with {@link #bind}. */
    String where() {
        return where;
    }

    /** Binds the parameters from index {@code first}; returns the next free index. */
    int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object v : params) {
            if (v instanceof Long) {
                ps.setLong(i++, (Long) v);
            } else {
                ps.setString(i++, (String) v);
            }
        }
        return i;
    }

    /** The extra condition for the jobs an action applies to (their state, and the held mark for hold and release). */
    static String applicable(JobAction action) {
        String c = " AND state IN " + PgStates.list(action.from());
        if (action == JobAction.HOLD) {
            return c + " AND NOT held";
        }
        return action == JobAction.RELEASE ? c + " AND held" : c;
    }
}

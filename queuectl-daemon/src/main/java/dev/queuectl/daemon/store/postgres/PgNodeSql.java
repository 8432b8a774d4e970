package dev.queuectl.daemon.store.postgres;

/** The SQL of the {@code nodes}, {@code cancel_requests} and {@code cluster_tasks} tables. Leases use the database's clock. */
final class PgNodeSql {
    private PgNodeSql() {
    }

    /** The row a registering node would replace, locked against a concurrent registration of the same id. */
    static final String EXISTING = "SELECT host, pid, lease_until > clock_timestamp() AND NOT stopped AS live,"
            + " greatest(0, extract(epoch FROM lease_until - clock_timestamp()))::int AS seconds_left"
            + " FROM nodes WHERE id = ? FOR UPDATE";

    static final String REGISTER = "INSERT INTO nodes (id, host, pid, version, started_at, epoch, lease_ms, lease_until,"
            + " renewed_at) VALUES (?, ?, ?, ?, clock_timestamp(), 1, ?, clock_timestamp() + ? * interval '1 ms',"
            + " clock_timestamp()) ON CONFLICT (id) DO UPDATE SET host = excluded.host, pid = excluded.pid,"
            + " version = excluded.version, started_at = excluded.started_at, epoch = nodes.epoch + 1,"
            + " lease_ms = excluded.lease_ms, lease_until = excluded.lease_until, renewed_at = excluded.renewed_at,"
            + " workers = 0, busy = 0, stopped = false RETURNING epoch";

    /** Renews a lease that is still held: zero rows means it expired (or another daemon took the id). */
    static final String RENEW = "UPDATE nodes SET lease_until = clock_timestamp() + lease_ms * interval '1 ms',"
            + " renewed_at = clock_timestamp(), workers = ?, busy = ? WHERE id = ? AND epoch = ?"
            + " AND lease_until > clock_timestamp() AND NOT stopped";

    static final String LEAVE = "UPDATE nodes SET stopped = true, lease_until = clock_timestamp(), busy = 0"
            + " WHERE id = ? AND epoch = ?";

    static final String ALL = "SELECT id, host, pid, version, extract(epoch FROM started_at) * 1000 AS started,"
            + " extract(epoch FROM lease_until) * 1000 AS lease_until, lease_until > clock_timestamp() AND NOT stopped"
            + " AS alive, stopped, workers, busy FROM nodes ORDER BY id";

    /** The run a cancel is for: the job's current run, if another node has it in progress. */
    static final String RUN_OF = "SELECT seq, runs, node FROM jobs WHERE id = ? AND state = 'processing' AND node <> ?"
            + " FOR UPDATE";

    static final String REQUEST_CANCEL = "INSERT INTO cancel_requests (job_seq, attempt, node) VALUES (?, ?, ?)"
            + " ON CONFLICT (job_seq) DO UPDATE SET attempt = excluded.attempt, node = excluded.node,"
            + " requested_at = excluded.requested_at";

    /** This node's cancel requests, taken (deleted) as they are read. */
    static final String TAKE_CANCELS = "DELETE FROM cancel_requests c USING jobs j WHERE c.node = ? AND j.seq = c.job_seq"
            + " RETURNING j.id, c.attempt";

    /** Claims a periodic task if nobody did it within the interval; one row means this node does it now. */
    static final String CLAIM_TASK = "INSERT INTO cluster_tasks (name, node, last_run) VALUES (?, ?, clock_timestamp())"
            + " ON CONFLICT (name) DO UPDATE SET node = excluded.node, last_run = excluded.last_run"
            + " WHERE cluster_tasks.last_run < clock_timestamp() - ? * interval '1 ms'";
}

package dev.queuectl.protocol;

/** The version of the wire protocol spoken by this build; reported by {@code status}. */
public final class ProtocolVersion {
    /**
     * Incremented whenever requests, results or error codes change. Changes are additive (new
     * fields and ops), so a client can tell from {@code status} what a daemon understands.
     * 1: the first release. 2: {@code status} reports {@code node} and {@code store}.
     * 3: {@code status} reports {@code loops} (the daemon's long-lived loops: alive, last turn,
     * errors survived) and {@code containment} (cgroup or marker); {@code logs} answers carry the
     * job's {@code state} and the run's {@code outcome}, and with {@code wait} a request for a
     * run that has not started yet (the job's first, or the run after the latest) waits for it.
     * 4: jobs carry {@code cwd}, {@code env} and {@code labels}, and say why they wait
     * ({@code held}, {@code why_waiting}); ops {@code rerun}, {@code hold}, {@code release},
     * {@code edit} and {@code complete}; {@code cancel}, {@code dlq_retry} and {@code dlq_purge}
     * take several ids or a filter, with {@code dry_run}; {@code list} takes filters and pages with
     * a cursor; {@code enqueue} takes {@code if_absent}; {@code show} takes {@code show_env};
     * {@code status} reports {@code waiting}.
     * 5: ops {@code stats} (run statistics over time) and {@code dashboard} (the HTTP login link);
     * error code {@code UNAUTHENTICATED} (HTTP only).
     * 6: {@code status} lists {@code nodes}, every daemon sharing the store (PostgreSQL), and each
     * attempt names the {@code node} that ran it.
     * 7: named queues: jobs carry {@code queue} ({@code enqueue} takes it, {@code list} filters by
     * it), ops {@code queue_list}, {@code queue_add}, {@code queue_set}, {@code queue_pause},
     * {@code queue_resume} and {@code queue_remove}, {@code status} reports {@code queues}; job
     * dependencies: {@code enqueue} takes {@code after}, {@code show} reports {@code dependencies}
     * and {@code dependents}; {@code why_waiting} may say {@code dependencies}, {@code queue_paused}
     * or {@code queue_full}; {@code status}'s {@code waiting} counts {@code dependencies};
     * {@code prune} reports the jobs it {@code kept} for waiting dependents; job ids may contain
     * {@code @}; recurring schedules: ops {@code schedule_add}, {@code schedule_list},
     * {@code schedule_show}, {@code schedule_pause}, {@code schedule_resume},
     * {@code schedule_remove} and {@code schedule_run}.
     */
    public static final int CURRENT = 7;

    private ProtocolVersion() {
    }
}

package dev.queuectl.protocol;

/** The version of the wire protocol spoken by this build; reported by {@code status}. */
public final class ProtocolVersion {
    /**
     * Incremented whenever requests, results or error codes change. Changes are additive (new
     * fields and ops), so a client can tell from {@code status} what a daemon understands.
     * 1: the first release. 2: {@code status} reports {@code node} and {@code store}. 3: jobs
     * carry {@code cwd}, {@code env} and {@code labels}, and say why they wait ({@code held},
     * {@code why_waiting}); ops {@code rerun}, {@code hold}, {@code release}, {@code edit} and
     * {@code complete}; {@code cancel}, {@code dlq_retry} and {@code dlq_purge} take several ids
     * or a filter, with {@code dry_run}; {@code list} takes filters and pages with a cursor;
     * {@code enqueue} takes {@code if_absent}; {@code show} takes {@code show_env}; {@code status}
     * reports {@code waiting}.
     */
    public static final int CURRENT = 3;

    private ProtocolVersion() {
    }
}

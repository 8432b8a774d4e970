package dev.queuectl.daemon.store.postgres;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debounced NOTIFY: changes committed here are collected and sent to the other nodes as one
 * notification every {@value #DEBOUNCE_MS} ms at most, off the path of the transactions that
 * made them. A notification that is lost (this node dies first, the database restarts) is made
 * up for by the other nodes' poll. Payload lines: {@code e} jobs were enqueued, {@code p} jobs
 * became pending, {@code f ID} a job reached a final state or was deleted, {@code c ID} a cancel
 * was requested, {@code x} the cluster's settings changed. Thread-safe.
 */
final class PgNotifier {
    static final String CHANNEL = "queuectl";
    private static final Logger log = LoggerFactory.getLogger(PgNotifier.class);
    private static final long DEBOUNCE_MS = 50;
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    private static final int MAX_PAYLOAD = 7_000;

    private final PgDatabase db;
    private final String node;
    private final Set<String> lines = new LinkedHashSet<>();
    private ScheduledExecutorService timer;
    private boolean scheduled;

    PgNotifier(PgDatabase db, String node) {
        this.db = db;
        this.node = node;
    }

    /** Starts sending (before, changes are only collected); {@code timer} runs the sends. */
    synchronized void start(ScheduledExecutorService timer) {
        this.timer = timer;
        scheduleLocked();
    }

    synchronized void add(String line) {
        lines.add(line);
        scheduleLocked();
    }

    private void scheduleLocked() {
        if (timer != null && !scheduled && !lines.isEmpty()) {
            scheduled = true;
            timer.schedule(this::send, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void send() {
        List<String> payloads = new ArrayList<>();
        synchronized (this) {
            scheduled = false;
            StringBuilder b = new StringBuilder(node);
            for (String line : lines) {
                if (b.length() + line.length() + 1 > MAX_PAYLOAD) {
                    payloads.add(b.toString());
                    b = new StringBuilder(node);
                }
                b.append('\n').append(line);
            }
            payloads.add(b.toString());
            lines.clear();
        }
        db.read(tx -> {
            for (String p : payloads) {
                tx.queryOne("SELECT pg_notify('" + CHANNEL + "', ?)", ps -> ps.setString(1, p), rs -> null);
            }
            return null;
        }).exceptionally(e -> {
            log.debug("could not notify the other nodes ({}); they will see the change at their next poll",
                    e.getMessage());
            return null;
        });
    }
}

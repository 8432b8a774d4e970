package dev.queuectl.client.render;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.result.QueueView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Human output for queues: the table of {@code queue list} and the one-line answers of the other queue commands. */
public final class QueueRenderer {
    private QueueRenderer() {
    }

    public static void table(List<QueueView> queues, Instant now, Display display, PrintWriter out) {
        if (queues.isEmpty()) {
            out.println("no queues yet (a queue is created when a job first names it, or by queuectl queue add)");
            return;
        }
        Table t = new Table("QUEUE", "CONCURRENCY", "PAUSED", "PENDING", "PROCESSING", "FAILED", "DEAD",
                "OLDEST WAIT", "MAX RETRIES", "TIMEOUT").shrinkable(0).droppable(9, 8);
        for (QueueView q : queues) {
            t.row(q.name(), concurrency(q), q.paused() ? "yes" : "no", count(q, JobState.PENDING),
                    count(q, JobState.PROCESSING), count(q, JobState.FAILED), count(q, JobState.DEAD),
                    wait(q, now), q.maxRetries() == null ? "default" : q.maxRetries().toString(),
                    q.timeout() == null ? "default" : Durations.text(q.timeout()));
        }
        t.print(out, display.width());
    }

    /** {@code backups: concurrency 2, paused, max_retries default, timeout 10m}. */
    public static String summary(QueueView q) {
        return DisplayText.escape(q.name()) + ": concurrency " + concurrency(q) + (q.paused() ? ", paused" : "")
                + ", max_retries " + (q.maxRetries() == null ? "default" : q.maxRetries())
                + ", timeout " + (q.timeout() == null ? "default" : Durations.text(q.timeout()));
    }

    private static String concurrency(QueueView q) {
        return q.concurrency() == null ? "unlimited" : q.concurrency().toString();
    }

    private static long count(QueueView q, JobState s) {
        return q.jobs().getOrDefault(s, 0L);
    }

    /** How long the oldest due job has waited, or - when none is due. */
    private static String wait(QueueView q, Instant now) {
        if (q.oldestDue() == null) {
            return "-";
        }
        Duration d = Duration.between(q.oldestDue(), now);
        return Format.duration(d.isNegative() ? Duration.ZERO : d);
    }
}

package dev.queuectl.client.render;

import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.result.ScheduleView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Human output for schedules: the table of {@code schedule list} and the detail of {@code schedule show}. */
public final class ScheduleRenderer {
    private ScheduleRenderer() {
    }

    public static void table(List<ScheduleView> schedules, Display display, PrintWriter out) {
        if (schedules.isEmpty()) {
            out.println("no schedules (queuectl schedule add creates one)");
            return;
        }
        Display utc = new Display(java.time.ZoneOffset.UTC, Map.of());
        Table t = new Table("SCHEDULE", "WHEN", "NEXT FIRE", "NEXT FIRE (UTC)", "LAST FIRE", "LAST JOB").limit(1, 40)
                .shrinkable(0, 1).droppable(3);
        for (ScheduleView s : schedules) {
            t.row(s.name(), when(s), s.paused() ? "paused" : display.time(s.nextFire()),
                    s.paused() ? "-" : utc.time(s.nextFire()), lastFire(s, display), lastJob(s));
        }
        t.print(out, display.width());
    }

    public static void detail(ScheduleView s, Instant now, Display display, PrintWriter out) {
        line(out, "schedule", s.name() + (s.paused() ? " (paused)" : ""));
        line(out, "when", when(s));
        line(out, "next fire", s.paused() ? "paused (resume: queuectl schedule resume " + s.name() + ")"
                : display.timeRelative(s.nextFire(), now) + ", " + new Display(java.time.ZoneOffset.UTC, Map.of())
                        .time(s.nextFire()));
        line(out, "last fire", lastFire(s, display));
        line(out, "last job", lastJob(s));
        line(out, "command", String.valueOf(s.job().get("command")));
        line(out, "queue", String.valueOf(s.job().get("queue")));
        Object retries = s.job().get("max_retries");
        Object timeout = s.job().get("timeout");
        line(out, "max retries", retries == null ? "the queue's, else the daemon's max_retries" : retries.toString());
        line(out, "timeout", timeout == null ? "the queue's, else the daemon's job_timeout"
                : Durations.text(Durations.ofSeconds(((Number) timeout).doubleValue())));
        line(out, "catch-up", "one".equals(s.catchUp()) ? "one (after downtime, one firing for what was missed)"
                : "none (firings missed while down are not made up)");
        line(out, "overlap", "skip".equals(s.overlap()) ? "skip (no firing while the last one's job runs)"
                : "queue (each firing enqueues, even while the last one's job runs)");
        line(out, "skipped", s.skipped() + " (overlap), missed " + s.missed() + " (downtime)");
    }

    private static String when(ScheduleView s) {
        return s.cron() != null ? "cron " + s.cron() + " (" + s.tz() + ")" : "every " + Durations.text(s.every());
    }

    private static String lastFire(ScheduleView s, Display display) {
        return s.lastFire() == null ? "-" : display.time(s.lastFire()) + " " + s.lastOutcome();
    }

    private static String lastJob(ScheduleView s) {
        if (s.lastJob() == null) {
            return "-";
        }
        return s.lastJob() + " (" + (s.lastJobState() == null ? "deleted" : s.lastJobState().wireName()) + ")";
    }

    private static void line(PrintWriter out, String label, String value) {
        String l = label + ":";
        out.println(l + " ".repeat(Math.max(1, 13 - l.length())) + DisplayText.escape(value));
    }
}

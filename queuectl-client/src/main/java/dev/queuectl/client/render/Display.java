package dev.queuectl.client.render;

import dev.queuectl.protocol.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * How human output is shown on this terminal: times in the local zone ({@code TZ}) with their
 * offset, or in UTC with {@code --utc}; tables within the terminal's width. The zone and the
 * width are found on first use only, because loading zone rules and asking the terminal cost
 * start-up time that most commands do not need. JSON output never goes through here: it stays
 * UTC. Used by one command's thread.
 */
public final class Display {
    private final ZoneId fixedZone;
    private final Map<String, String> env;
    private ZoneId zone;
    private int width = -1;

    /** {@code zone} null means the system's zone ({@code TZ}); {@code env} gives {@code COLUMNS}. */
    public Display(ZoneId zone, Map<String, String> env) {
        this.fixedZone = zone;
        this.env = env;
    }

    /** The terminal's width in columns, or 0 when output is not a terminal (then nothing is cut to fit). */
    public int width() {
        if (width < 0) {
            width = TerminalWidth.detect(env);
        }
        return width;
    }

    /** {@code 2026-11-23 11:00:00+01:00}, or {@code 2026-11-23 10:00:00Z} in UTC; "-" for none. */
    public String time(Instant t) {
        if (t == null) {
            return "-";
        }
        if (zone == null) {
            zone = fixedZone != null ? fixedZone : ZoneId.systemDefault();
        }
        ZoneOffset offset = zone.getRules().getOffset(t);
        // By hand rather than with DateTimeFormatter: its machinery costs every call start-up time.
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, offset);
        StringBuilder b = new StringBuilder(25);
        b.append(d.getYear()).append('-');
        two(b, d.getMonthValue()).append('-');
        two(b, d.getDayOfMonth()).append(' ');
        two(b, d.getHour()).append(':');
        two(b, d.getMinute()).append(':');
        two(b, d.getSecond());
        return b.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId()).toString();
    }

    private static StringBuilder two(StringBuilder b, int n) {
        return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** {@code 2026-11-23 10:00:00Z (in 5m)} / {@code (3s ago)}. */
    public String timeRelative(Instant t, Instant now) {
        if (t == null) {
            return "-";
        }
        Duration d = Duration.between(now, t);
        String rel = d.isNegative() ? Durations.format(d.negated()) + " ago" : "in " + Durations.format(d);
        return time(t) + " (" + rel + ")";
    }
}

package dev.queuectl.client.render;

import dev.queuectl.protocol.Durations;
import java.time.Duration;

/** Human forms of durations for tables and sentences; times are {@link Display}'s. */
public final class Format {

    private Format() {
    }

    public static String duration(Duration d) {
        return d == null ? "-" : Durations.format(d);
    }

    public static String seconds(double s) {
        return Durations.format(Duration.ofMillis(Math.round(s * 1000)));
    }
}

package dev.queuectl.client;

import dev.queuectl.client.transport.Deadlines;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a command may use from its surroundings: environment, clock, standard input, the time
 * zone that times are shown in, how long to wait for the daemon, and the current directory.
 * Immutable.
 *
 * @param zone      the zone for human-readable times; null means the JVM's default, which
 *                  follows {@code TZ} (resolved only when a time is shown: loading zone rules
 *                  costs start-up)
 * @param deadlines how long to wait for the daemon before giving up
 * @param cwd       the shell's directory (absolute), where jobs run unless told otherwise
 */
public record ClientContext(Map<String, String> env, Clock clock, InputStream stdin, ZoneId zone,
                            Deadlines deadlines, Path cwd) {
    public ClientContext(Map<String, String> env, Clock clock, InputStream stdin) {
        this(env, clock, stdin, null, Deadlines.DEFAULT);
    }

    public ClientContext(Map<String, String> env, Clock clock, InputStream stdin, ZoneId zone, Deadlines deadlines) {
        this(env, clock, stdin, zone, deadlines, Path.of(System.getProperty("user.dir")));
    }

    public static ClientContext system() {
        return new ClientContext(System.getenv(), Clock.systemUTC(), System.in);
    }

    /** The zone for human-readable times: the given one, else the system's ({@code TZ}). */
    public ZoneId displayZone() {
        return zone != null ? zone : ZoneId.systemDefault();
    }
}

package dev.queuectl.client;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

/** What a command may use from its surroundings: environment, clock, standard input. Immutable. */
public record ClientContext(Map<String, String> env, Clock clock, InputStream stdin) {
    public static ClientContext system() {
        return new ClientContext(System.getenv(), Clock.systemUTC(), System.in);
    }
}

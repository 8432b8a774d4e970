package dev.queuectl.client;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may use from its surroundings: environment, clock, standard input and the
 * current directory (absolute; jobs run there by default). Immutable.
 */
public record ClientContext(Map<String, String> env, Clock clock, InputStream stdin, Path cwd) {
    public ClientContext(Map<String, String> env, Clock clock, InputStream stdin) {
        this(env, clock, stdin, Path.of(System.getProperty("user.dir")));
    }

    public static ClientContext system() {
        return new ClientContext(System.getenv(), Clock.systemUTC(), System.in);
    }
}

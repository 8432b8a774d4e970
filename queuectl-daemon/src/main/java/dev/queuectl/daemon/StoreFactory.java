package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.daemon.config.StoreLocation;
import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.StoreOpenException;
import dev.queuectl.daemon.store.postgres.PgOptions;
import dev.queuectl.daemon.store.postgres.PostgresJobStore;
import dev.queuectl.daemon.store.sqlite.SqliteJobStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opens the store a {@link StoreLocation} names: the one place that knows every backend. */
final class StoreFactory {
    static final String USER_ENV = "QUEUECTL_STORE_USER";
    static final String PASSWORD_ENV = "QUEUECTL_STORE_PASSWORD";

    private StoreFactory() {
    }

    /**
     * Opens (creating or migrating) the store for daemon {@code node}. The data dir holds the
     * SQLite file; the store's own loops (the SQLite writer) report to {@code health}.
     * A {@link StoreOpenException} says why it cannot, in one line for the start-up error.
     */
    static JobStore open(DaemonSettings settings, Map<String, String> env, Clock clock, String node, Health health) {
        StoreLocation location = settings.store();
        switch (location.backend()) {
            case SQLITE:
                return SqliteJobStore.open(settings.databaseFile(), clock, health);
            case POSTGRESQL:
                return PostgresJobStore.open(postgresOptions(settings, env), clock, node, health);
            default:
                throw new IllegalStateException("no backend for " + location);
        }
    }

    /**
     * The PostgreSQL store's options: the URL's host, port, database and parameters (TLS settings
     * such as sslmode and sslrootcert pass through to the driver), the user from the URL or
     * {@code $QUEUECTL_STORE_USER}, the password from {@code $QUEUECTL_STORE_PASSWORD} or the
     * password file — never from the command line.
     */
    static PgOptions postgresOptions(DaemonSettings settings, Map<String, String> env) {
        URI url = settings.store().url();
        Map<String, String> params = new LinkedHashMap<>();
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equalsIgnoreCase("password") || key.equalsIgnoreCase("user")) {
                    throw new StoreOpenException("the store URL must not carry a " + key + " parameter; set "
                            + (key.equalsIgnoreCase("user") ? USER_ENV + " or put USER@ before the host"
                            : PASSWORD_ENV + " or store-password-file"), null);
                }
                params.put(key, value);
            }
        }
        String jdbc = "jdbc:postgresql://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "")
                + url.getRawPath();
        String user = url.getUserInfo() != null ? url.getUserInfo() : blankToNull(env.get(USER_ENV));
        String password = blankToNull(env.get(PASSWORD_ENV));
        Path file = settings.storePasswordFile();
        if (password == null && file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                password = text.lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new StoreOpenException("cannot read the database password from " + file + ": " + e.getMessage(), e);
            }
        }
        return new PgOptions(jdbc, user, password, settings.storePool(), settings.lease(), settings.storePoll(),
                settings.storeListen(), params);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

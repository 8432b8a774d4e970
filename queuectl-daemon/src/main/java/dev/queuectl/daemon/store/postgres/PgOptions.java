package dev.queuectl.daemon.store.postgres;

import java.time.Duration;
import java.util.Map;

/**
 * How to reach the database and how to behave in the cluster, in the store's own terms (the
 * daemon's settings are turned into this by the wiring).
 *
 * @param jdbcUrl     {@code jdbc:postgresql://host:port/db} with the URL's own parameters (TLS: sslmode, sslrootcert, ...)
 * @param user        the database user, or null for the driver's default
 * @param password    the password, or null; never logged
 * @param poolSize    connections in the pool at most
 * @param lease       a node's lease: renewed every third of it, fenced at half of it
 * @param poll        how often the node looks for changes it may not have been told about
 * @param listen      whether to use LISTEN/NOTIFY (off behind a transaction pooler such as PgBouncer)
 * @param properties  further driver properties
 */
public record PgOptions(String jdbcUrl, String user, String password, int poolSize, Duration lease, Duration poll,
                        boolean listen, Map<String, String> properties) {
    public PgOptions {
        properties = Map.copyOf(properties);
    }

    /** The same options with another URL (tests point several stores at fresh databases). */
    public PgOptions withUrl(String url) {
        return new PgOptions(url, user, password, poolSize, lease, poll, listen, properties);
    }

    @Override
    public String toString() {
        return "PgOptions[" + jdbcUrl + ", user " + user + ", pool " + poolSize + ", lease " + lease + "]";
    }
}

package dev.queuectl.daemon.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the jobs are kept, from the {@code store} daemon setting: {@code sqlite} (the default:
 * {@code queuectl.db} in the data dir, for one daemon) or a {@code postgresql://host[:port]/db}
 * URL (one database shared by daemons on several hosts). {@link #toString()} never shows a
 * password, should a URL carry one.
 */
public final class StoreLocation {
    /** The backends a location can name. */
    public enum Backend {
        SQLITE,
        POSTGRESQL
    }

    private final Backend backend;
    private final URI url;

    private StoreLocation(Backend backend, URI url) {
        this.backend = backend;
        this.url = url;
    }

    public static final StoreLocation SQLITE = new StoreLocation(Backend.SQLITE, null);

    /** Parses the setting; an {@link IllegalArgumentException} says what is wrong with it. */
    public static StoreLocation parse(String text) {
        String v = text == null ? "" : text.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("sqlite")) {
            return SQLITE;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            URI uri;
            try {
                uri = new URI(v);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a valid URL (" + e.getReason() + "); expected"
                        + " postgresql://HOST[:PORT]/DATABASE");
            }
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
                throw new IllegalArgumentException("expected postgresql://HOST[:PORT]/DATABASE");
            }
            if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
                throw new IllegalArgumentException("a password does not belong in the store URL (it would show in"
                        + " process listings); use QUEUECTL_STORE_PASSWORD or a password file");
            }
            return new StoreLocation(Backend.POSTGRESQL, uri);
        }
        throw new IllegalArgumentException("'" + v + "' is neither sqlite nor a postgresql://HOST[:PORT]/DATABASE URL");
    }

    public Backend backend() {
        return backend;
    }

    /** The database URL, or null for SQLite. */
    public URI url() {
        return url;
    }

    @Override
    public String toString() {
        return backend == Backend.SQLITE ? "sqlite" : url.toString();
    }
}

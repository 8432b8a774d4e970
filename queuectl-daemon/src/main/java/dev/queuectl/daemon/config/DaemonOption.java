package dev.queuectl.daemon.config;

import dev.queuectl.protocol.Durations;
import java.time.Duration;
import java.util.Locale;

/**
 * Every daemon setting, with the name used as a flag ({@code --data-dir}) and in the config file
 * ({@code data-dir = ...}), its environment variable ({@code QUEUECTL_DATA_DIR}), its default and
 * its meaning. {@code config/queuectld.conf} documents the same list.
 */
public enum DaemonOption {
    DATA_DIR("data-dir", null,
            "Directory of the store, job output and lock file. Default: $STATE_DIRECTORY under systemd,"
                    + " else $XDG_STATE_HOME/queuectl, else ~/.local/state/queuectl."),
    SOCKET("socket", null,
            "Unix socket to listen on. Default: $RUNTIME_DIRECTORY/queuectld.sock under systemd, else"
                    + " $XDG_RUNTIME_DIR/queuectl/queuectld.sock, else queuectld.sock in the data dir."),
    SOCKET_GROUP("socket-group", "",
            "Group allowed to use the socket (socket 0660, directory 0750). Empty: only the daemon's user."),
    MAX_REQUEST_BYTES("max-request-bytes", "1MiB",
            "Longest request line accepted; longer lines are refused with REQUEST_TOO_LARGE."),
    MAX_CONNECTIONS("max-connections", "256",
            "Most client connections open at once; further ones are refused with UNAVAILABLE."),
    DRAIN_TIMEOUT("drain-timeout", "30s",
            "On SIGTERM or queuectl drain, how long running jobs may finish before they are stopped."),
    OUTPUT_LIMIT("output-limit", "1MiB",
            "Output kept per run (stdout and stderr together); beyond it the tail is kept."),
    KILL_GRACE("kill-grace", "5s",
            "How long a stopped job's process group has between SIGTERM and SIGKILL."),
    LOG_FORMAT("log-format", "auto",
            "Log lines on stderr: text, journal (no timestamp, syslog priorities), json, or auto"
                    + " (journal under systemd, else text)."),
    METRICS_LISTEN("metrics-listen", "",
            "Loopback host:port for an HTTP /metrics endpoint in Prometheus format, e.g. 127.0.0.1:9464."
                    + " Empty: off (queuectl metrics works either way).");

    private final String key;
    private final String defaultText;
    private final String description;

    DaemonOption(String key, String defaultText, String description) {
        this.key = key;
        this.defaultText = defaultText;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String envName() {
        return "QUEUECTL_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The default as text, or null when it is computed from the environment. */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** Parses {@code host:port} and insists on a loopback address: metrics are not for the network. */
    static java.net.InetSocketAddress parseLoopback(String value) {
        String v = value.trim();
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + value + "' is not host:port (for example 127.0.0.1:9464)");
        }
        String host = v.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' has no valid port");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535");
        }
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException(host + " is not a loopback address; the metrics endpoint listens"
                    + " on 127.0.0.1 or ::1 only");
        }
        return new java.net.InetSocketAddress(address, port);
    }

    /** Finds an option by its file/flag name, accepting {@code _} for {@code -}. */
    static DaemonOption lookup(String name) {
        String normal = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DaemonOption o : values()) {
            if (o.key.equals(normal)) {
                return o;
            }
        }
        return null;
    }

    /** Checks a value; returns the reason it is wrong, or null when it is fine. */
    String check(String value) {
        try {
            switch (this) {
                case MAX_REQUEST_BYTES: {
                    long n = Sizes.parse(value);
                    return n >= 1024 && n <= 64L * 1024 * 1024 ? null : "must be between 1KiB and 64MiB";
                }
                case OUTPUT_LIMIT: {
                    long n = Sizes.parse(value);
                    return n >= 1024 && n <= 1024L * 1024 * 1024 ? null : "must be between 1KiB and 1GiB";
                }
                case MAX_CONNECTIONS: {
                    int n = Integer.parseInt(value.trim());
                    return n >= 1 && n <= 65_536 ? null : "must be between 1 and 65536";
                }
                case DRAIN_TIMEOUT: {
                    Duration d = Durations.parse(value);
                    return d.compareTo(Duration.ofHours(24)) <= 0 ? null : "must be at most 24h";
                }
                case KILL_GRACE: {
                    Duration d = Durations.parse(value);
                    return d.compareTo(Duration.ofMillis(100)) >= 0 && d.compareTo(Duration.ofMinutes(10)) <= 0
                            ? null : "must be between 100ms and 10m";
                }
                case LOG_FORMAT: {
                    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
                    return v.equals("auto") || v.equals("text") || v.equals("journal") || v.equals("json")
                            ? null : "must be auto, text, journal or json";
                }
                case METRICS_LISTEN:
                    if (value.isBlank()) {
                        return null;
                    }
                    parseLoopback(value);
                    return null;
                case DATA_DIR:
                case SOCKET:
                    return value.isBlank() ? "must not be empty" : null;
                default:
                    return null;
            }
        } catch (NumberFormatException e) {
            return "'" + value + "' is not a whole number";
        } catch (IllegalArgumentException | ArithmeticException e) {
            return e.getMessage();
        }
    }
}

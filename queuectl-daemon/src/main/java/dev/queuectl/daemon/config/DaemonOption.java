package dev.queuectl.daemon.config;

import dev.queuectl.protocol.TimeRules;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every daemon setting, declared once: its name as a flag ({@code --data-dir}) and a config file
 * key ({@code data-dir = ...}), its environment variable ({@code QUEUECTL_DATA_DIR}), its value's
 * label and parser, its default and its meaning. The flags of {@code queuectld}, its
 * {@code --help}, the config file reader, {@code config/queuectld.conf} and the README table
 * are all derived from (or checked against) this list.
 */
public enum DaemonOption {
    DATA_DIR("data-dir", "DIR", null,
            "`$STATE_DIRECTORY`, else `$XDG_STATE_HOME/queuectl`, else `~/.local/state/queuectl`",
            "Directory of the store, job output and lock file.", SettingParsers::path),
    SOCKET("socket", "PATH", null,
            "`$RUNTIME_DIRECTORY/queuectld.sock`, else `$XDG_RUNTIME_DIR/queuectl/queuectld.sock`, else in the data dir",
            "The Unix socket clients connect to.", SettingParsers::path),
    SOCKET_GROUP("socket-group", "GROUP", "", "none",
            "Group allowed to use the socket too (socket 0660, new directory 0750).", SettingParsers::optionalText),
    STORE("store", "STORE", "sqlite", null,
            "Where jobs are kept: sqlite (queuectl.db in the data dir) or postgresql://HOST[:PORT]/DB.",
            StoreLocation::parse),
    STORE_PASSWORD_FILE("store-password-file", "FILE", "", "none",
            "PostgreSQL store: a file whose first line is the database password (else $QUEUECTL_STORE_PASSWORD).",
            SettingParsers::optionalPath),
    STORE_POOL("store-pool", "N", "10", null,
            "PostgreSQL store: database connections at most; a few more than workers (2 to 500).",
            v -> SettingParsers.wholeNumber(v, 2, 500)),
    LEASE("lease", "DURATION", "30s", null,
            "PostgreSQL store: this node's lease, renewed every third of it; unrenewed for half of it, the node"
                    + " stops its jobs; expired, other nodes rerun them (" + TimeRules.LEASE.range() + ").",
            v -> SettingParsers.duration(TimeRules.LEASE, v)),
    STORE_POLL("store-poll", "DURATION", "1s", null,
            "PostgreSQL store: how often to look for changes no notification announced ("
                    + TimeRules.STORE_POLL.range() + ").",
            v -> SettingParsers.duration(TimeRules.STORE_POLL, v)),
    STORE_LISTEN("store-listen", "on|off", "on", null,
            "PostgreSQL store: LISTEN/NOTIFY wake-ups; off polls only (behind a transaction pooler such as PgBouncer).",
            SettingParsers::onOff),
    NODE_ID("node-id", "ID", "", "generated once and kept in the data dir",
            "This daemon's stable id, which owns the runs it claims (1-64 of A-Z a-z 0-9 . _ : @ -).",
            SettingParsers::nodeId),
    MAX_REQUEST_BYTES("max-request-bytes", "SIZE", "1MiB", null,
            "Longest request line; longer lines are refused with REQUEST_TOO_LARGE (1KiB to 64MiB).",
            v -> SettingParsers.size(v, 1024, 64L * 1024 * 1024)),
    MAX_CONNECTIONS("max-connections", "N", "256", null,
            "Client connections open at once; further ones are refused with UNAVAILABLE (1 to 65536).",
            v -> SettingParsers.wholeNumber(v, 1, 65_536)),
    DRAIN_TIMEOUT("drain-timeout", "DURATION", "30s", null,
            "On SIGTERM or queuectl drain, how long running jobs may finish before they are stopped ("
                    + TimeRules.DRAIN_TIMEOUT.range() + ").",
            v -> SettingParsers.duration(TimeRules.DRAIN_TIMEOUT, v)),
    OUTPUT_LIMIT("output-limit", "SIZE", "1MiB", null,
            "Output kept per run, stdout and stderr together; beyond it the end is kept (1KiB to 1GiB).",
            v -> SettingParsers.size(v, 1024, 1024L * 1024 * 1024)),
    KILL_GRACE("kill-grace", "DURATION", "5s", null,
            "Time between SIGTERM and SIGKILL when a job's processes are stopped (" + TimeRules.KILL_GRACE.range()
                    + ").",
            v -> SettingParsers.duration(TimeRules.KILL_GRACE, v)),
    CGROUP_ROOT("cgroup-root", "DIR", "auto", null,
            "Where each run gets a cgroup (v2) of its own: auto (in the daemon's own cgroup, where it may create"
                    + " one), off, or a cgroup v2 directory.",
            SettingParsers::cgroupRoot),
    LOG_FORMAT("log-format", "FORMAT", "auto", null,
            "Log lines on stderr: text, journal, json, or auto (journal under systemd, else text).",
            SettingParsers::logFormat),
    HTTP_LISTEN("http-listen", "HOST:PORT", "", "off",
            "Address of the web dashboard and HTTP API, e.g. 127.0.0.1:8765; loopback only unless http-allow-remote.",
            SettingParsers::optionalAddress),
    HTTP_ALLOW_REMOTE("http-allow-remote", "BOOL", "false", null,
            "Let http-listen take a non-loopback address; put a TLS proxy in front (session cookies become Secure).",
            SettingParsers::bool),
    HTTP_OPEN_METRICS("http-open-metrics", "BOOL", "false", null,
            "Serve /metrics on http-listen without a session to clients on loopback addresses (for Prometheus).",
            SettingParsers::bool),
    HTTP_MAX_CONNECTIONS("http-max-connections", "N", "128", null,
            "HTTP connections open at once; further ones are refused with 503 (1 to 65536).",
            v -> SettingParsers.wholeNumber(v, 1, 65_536)),
    HTTP_MAX_EVENT_STREAMS("http-max-event-streams", "N", "64", null,
            "Live event streams (open dashboard tabs) at once, counted in http-max-connections too (1 to 65536).",
            v -> SettingParsers.wholeNumber(v, 1, 65_536)),
    METRICS_LISTEN("metrics-listen", "HOST:PORT", "", "off",
            "Loopback address serving only /metrics, without a session, e.g. 127.0.0.1:9464 (http-open-metrics is the newer way).",
            SettingParsers::optionalLoopback);

    private final String key;
    private final String label;
    private final String defaultText;
    private final String defaultDescription;
    private final String description;
    private final Function<String, Object> parser;

    DaemonOption(String key, String label, String defaultText, String defaultDescription, String description,
                 Function<String, Object> parser) {
        this.key = key;
        this.label = label;
        this.defaultText = defaultText;
        this.defaultDescription = defaultDescription;
        this.description = description;
        this.parser = parser;
    }

    /** The flag without its dashes, and the config file key: {@code data-dir}. */
    public String key() {
        return key;
    }

    public String flag() {
        return "--" + key;
    }

    /** The value's label in help: {@code DIR}, {@code DURATION}, ... */
    public String label() {
        return label;
    }

    public String envName() {
        return "QUEUECTL_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The default as a value, or null when it is computed (from the environment, the data dir). */
    public String defaultText() {
        return defaultText;
    }

    /** The default as documented: {@link #defaultDescription} when given, else the default value. */
    public String documentedDefault() {
        return defaultDescription != null ? defaultDescription : "`" + defaultText + "`";
    }

    public String description() {
        return description;
    }

    /** The value as its typed form; an {@link IllegalArgumentException} says what is wrong with it. */
    Object parse(String text) {
        return parser.apply(text);
    }

    /** Checks a value; returns the reason it is wrong, or null when it is fine. */
    String check(String value) {
        try {
            parse(value);
            return null;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return e.getMessage();
        }
    }

    /** Finds an option by its file/flag name, accepting {@code _} for {@code -}; null if there is none. */
    static DaemonOption lookup(String name) {
        String normal = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DaemonOption o : values()) {
            if (o.key.equals(normal)) {
                return o;
            }
        }
        return null;
    }
}

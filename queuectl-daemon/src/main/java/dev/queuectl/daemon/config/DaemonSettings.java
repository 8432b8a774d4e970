package dev.queuectl.daemon.config;

import dev.queuectl.daemon.logging.LogFormat;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one daemon runs: paths, store, socket access, limits, logging. One validated text per
 * {@link DaemonOption}, with its parsed value. Built by {@link SettingsLoader} from flags,
 * environment, config file and defaults, or by code that embeds the daemon ({@link #of} and
 * {@link #with}). Immutable.
 */
public final class DaemonSettings {
    private final Map<DaemonOption, String> texts;
    private final Map<DaemonOption, Object> values;
    private final Path configFile;

    private DaemonSettings(Map<DaemonOption, String> texts, Path configFile) {
        this.texts = new EnumMap<>(texts);
        this.values = new EnumMap<>(DaemonOption.class);
        for (Map.Entry<DaemonOption, String> e : texts.entrySet()) {
            values.put(e.getKey(), e.getKey().parse(e.getValue()));
        }
        this.configFile = configFile;
    }

    /**
     * Settings from resolved texts: every option must have one (computed defaults already
     * filled in). An {@link IllegalArgumentException} names a bad value.
     */
    static DaemonSettings of(Map<DaemonOption, String> texts, Path configFile) {
        for (DaemonOption o : DaemonOption.values()) {
            if (!texts.containsKey(o)) {
                throw new IllegalArgumentException("no value for " + o.key());
            }
        }
        return new DaemonSettings(texts, configFile);
    }

    /** Settings with every default except the two paths. */
    public static DaemonSettings of(Path dataDir, Path socket) {
        Map<DaemonOption, String> texts = new EnumMap<>(DaemonOption.class);
        for (DaemonOption o : DaemonOption.values()) {
            if (o.defaultText() != null) {
                texts.put(o, o.defaultText());
            }
        }
        texts.put(DaemonOption.DATA_DIR, dataDir.toString());
        texts.put(DaemonOption.SOCKET, socket.toString());
        return of(texts, null);
    }

    /** A copy with one setting changed; an {@link IllegalArgumentException} says why a value is refused. */
    public DaemonSettings with(DaemonOption option, String text) {
        String problem = option.check(text);
        if (problem != null) {
            throw new IllegalArgumentException(option.key() + ": " + problem);
        }
        Map<DaemonOption, String> copy = new EnumMap<>(texts);
        copy.put(option, text);
        return new DaemonSettings(copy, configFile);
    }

    public DaemonSettings withDrainTimeout(Duration d) {
        return with(DaemonOption.DRAIN_TIMEOUT, d.toMillis() + "ms");
    }

    public DaemonSettings withKillGrace(Duration d) {
        return with(DaemonOption.KILL_GRACE, d.toMillis() + "ms");
    }

    public DaemonSettings withSocketGroup(String group) {
        return with(DaemonOption.SOCKET_GROUP, group == null ? "" : group);
    }

    public DaemonSettings withMaxRequestBytes(int bytes) {
        return with(DaemonOption.MAX_REQUEST_BYTES, Integer.toString(bytes));
    }

    public DaemonSettings withMaxConnections(int n) {
        return with(DaemonOption.MAX_CONNECTIONS, Integer.toString(n));
    }

    public DaemonSettings withOutputLimitBytes(long bytes) {
        return with(DaemonOption.OUTPUT_LIMIT, Long.toString(bytes));
    }

    public DaemonSettings withMetricsListen(InetSocketAddress address) {
        return with(DaemonOption.METRICS_LISTEN,
                address == null ? "" : "[" + address.getAddress().getHostAddress() + "]:" + address.getPort());
    }

    public DaemonSettings withHttpListen(InetSocketAddress address) {
        return with(DaemonOption.HTTP_LISTEN,
                address == null ? "" : "[" + address.getAddress().getHostAddress() + "]:" + address.getPort());
    }

    public DaemonSettings withConfigFile(Path file) {
        return new DaemonSettings(texts, file);
    }

    private Object value(DaemonOption o) {
        Object v = values.get(o);
        return v == SettingParsers.ABSENT ? null : v;
    }

    public Path dataDir() {
        return (Path) value(DaemonOption.DATA_DIR);
    }

    public Path socket() {
        return (Path) value(DaemonOption.SOCKET);
    }

    /** Group allowed on the socket, or null for the daemon's user only. */
    public String socketGroup() {
        return (String) value(DaemonOption.SOCKET_GROUP);
    }

    public StoreLocation store() {
        return (StoreLocation) value(DaemonOption.STORE);
    }

    /** The file holding the database password, or null. */
    public Path storePasswordFile() {
        return (Path) value(DaemonOption.STORE_PASSWORD_FILE);
    }

    public int storePool() {
        return (Integer) value(DaemonOption.STORE_POOL);
    }

    public Duration lease() {
        return (Duration) value(DaemonOption.LEASE);
    }

    public Duration storePoll() {
        return (Duration) value(DaemonOption.STORE_POLL);
    }

    public boolean storeListen() {
        return (Boolean) value(DaemonOption.STORE_LISTEN);
    }

    /** The node id given by configuration, or null when the daemon keeps its own in the data dir. */
    public String nodeId() {
        return (String) value(DaemonOption.NODE_ID);
    }

    public int maxRequestBytes() {
        return Math.toIntExact((Long) value(DaemonOption.MAX_REQUEST_BYTES));
    }

    public int maxConnections() {
        return (Integer) value(DaemonOption.MAX_CONNECTIONS);
    }

    public Duration drainTimeout() {
        return (Duration) value(DaemonOption.DRAIN_TIMEOUT);
    }

    public long outputLimitBytes() {
        return (Long) value(DaemonOption.OUTPUT_LIMIT);
    }

    public Duration killGrace() {
        return (Duration) value(DaemonOption.KILL_GRACE);
    }

    /** {@code auto}, {@code off} or the absolute path of a cgroup v2 directory. */
    public String cgroupRoot() {
        return (String) value(DaemonOption.CGROUP_ROOT);
    }

    public DaemonSettings withCgroupRoot(String root) {
        return with(DaemonOption.CGROUP_ROOT, root);
    }

    public LogFormat logFormat() {
        return (LogFormat) value(DaemonOption.LOG_FORMAT);
    }

    /** Loopback address of the HTTP /metrics endpoint, or null when it is off. */
    public InetSocketAddress metricsListen() {
        return (InetSocketAddress) value(DaemonOption.METRICS_LISTEN);
    }

    /** Address of the HTTP API and dashboard, or null when it is off. */
    public InetSocketAddress httpListen() {
        return (InetSocketAddress) value(DaemonOption.HTTP_LISTEN);
    }

    /** Whether {@link #httpListen()} may be a non-loopback address. */
    public boolean httpAllowRemote() {
        return (Boolean) value(DaemonOption.HTTP_ALLOW_REMOTE);
    }

    /** Whether /metrics on {@link #httpListen()} needs no session from loopback clients. */
    public boolean httpOpenMetrics() {
        return (Boolean) value(DaemonOption.HTTP_OPEN_METRICS);
    }

    public int httpMaxConnections() {
        return (Integer) value(DaemonOption.HTTP_MAX_CONNECTIONS);
    }

    public int httpMaxEventStreams() {
        return (Integer) value(DaemonOption.HTTP_MAX_EVENT_STREAMS);
    }

    /** The config file these settings were read from, or null. */
    public Path configFile() {
        return configFile;
    }

    /** These settings as command-line flags, every one explicit. */
    public List<String> toFlags() {
        List<String> flags = new ArrayList<>();
        for (DaemonOption o : DaemonOption.values()) {
            flags.add(o.flag() + "=" + texts.get(o));
        }
        if (configFile != null) {
            flags.add("--config=" + configFile.toAbsolutePath());
        }
        return flags;
    }

    public Path databaseFile() {
        return dataDir().resolve("queuectl.db");
    }

    public Path outputDir() {
        return dataDir().resolve("output");
    }

    public Path lockFile() {
        return dataDir().resolve("queuectld.lock");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DaemonSettings && values.equals(((DaemonSettings) o).values)
                && Objects.equals(configFile, ((DaemonSettings) o).configFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, configFile);
    }

    @Override
    public String toString() {
        return "DaemonSettings" + texts;
    }
}

package dev.queuectl.daemon.config;

import dev.queuectl.daemon.logging.LogFormat;
import dev.queuectl.protocol.Durations;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How one daemon runs: paths, socket access, limits, logging. Built by {@link SettingsLoader}
 * from flags, environment, config file and defaults, or by code that embeds the daemon
 * ({@link #of} and the {@code with...} copies).
 *
 * @param socketGroup   group allowed on the socket, or null for the daemon's user only
 * @param metricsListen loopback address of the HTTP /metrics endpoint, or null when it is off
 * @param configFile    the config file these settings were read from, or null
 */
public record DaemonSettings(Path dataDir, Path socket, String socketGroup, int maxRequestBytes,
                             int maxConnections, Duration drainTimeout, long outputLimitBytes, Duration killGrace,
                             LogFormat logFormat, InetSocketAddress metricsListen, Path configFile) {

    /** Settings with every default except the two paths. */
    public static DaemonSettings of(Path dataDir, Path socket) {
        return new DaemonSettings(dataDir, socket, null,
                (int) Sizes.parse(DaemonOption.MAX_REQUEST_BYTES.defaultText()),
                Integer.parseInt(DaemonOption.MAX_CONNECTIONS.defaultText()),
                Durations.parse(DaemonOption.DRAIN_TIMEOUT.defaultText()),
                Sizes.parse(DaemonOption.OUTPUT_LIMIT.defaultText()),
                Durations.parse(DaemonOption.KILL_GRACE.defaultText()),
                LogFormat.AUTO, null, null);
    }

    public DaemonSettings withDrainTimeout(Duration d) {
        return new DaemonSettings(dataDir, socket, socketGroup, maxRequestBytes, maxConnections, d, outputLimitBytes,
                killGrace, logFormat, metricsListen, configFile);
    }

    public DaemonSettings withSocketGroup(String group) {
        return new DaemonSettings(dataDir, socket, group, maxRequestBytes, maxConnections, drainTimeout,
                outputLimitBytes, killGrace, logFormat, metricsListen, configFile);
    }

    public DaemonSettings withMaxRequestBytes(int bytes) {
        return new DaemonSettings(dataDir, socket, socketGroup, bytes, maxConnections, drainTimeout, outputLimitBytes,
                killGrace, logFormat, metricsListen, configFile);
    }

    public DaemonSettings withMaxConnections(int n) {
        return new DaemonSettings(dataDir, socket, socketGroup, maxRequestBytes, n, drainTimeout, outputLimitBytes,
                killGrace, logFormat, metricsListen, configFile);
    }

    public DaemonSettings withOutputLimitBytes(long bytes) {
        return new DaemonSettings(dataDir, socket, socketGroup, maxRequestBytes, maxConnections, drainTimeout, bytes,
                killGrace, logFormat, metricsListen, configFile);
    }

    public DaemonSettings withKillGrace(Duration d) {
        return new DaemonSettings(dataDir, socket, socketGroup, maxRequestBytes, maxConnections, drainTimeout,
                outputLimitBytes, d, logFormat, metricsListen, configFile);
    }

    public DaemonSettings withMetricsListen(InetSocketAddress address) {
        return new DaemonSettings(dataDir, socket, socketGroup, maxRequestBytes, maxConnections, drainTimeout,
                outputLimitBytes, killGrace, logFormat, address, configFile);
    }

    /** These settings as command-line flags, every one explicit. */
    public List<String> toFlags() {
        List<String> flags = new ArrayList<>();
        flags.add("--data-dir=" + dataDir);
        flags.add("--socket=" + socket);
        if (socketGroup != null) {
            flags.add("--socket-group=" + socketGroup);
        }
        flags.add("--max-request-bytes=" + maxRequestBytes);
        flags.add("--max-connections=" + maxConnections);
        flags.add("--drain-timeout=" + drainTimeout.toMillis() + "ms");
        flags.add("--output-limit=" + outputLimitBytes);
        flags.add("--kill-grace=" + killGrace.toMillis() + "ms");
        flags.add("--log-format=" + logFormat.name().toLowerCase(java.util.Locale.ROOT));
        if (metricsListen != null) {
            flags.add("--metrics-listen=" + metricsListen.getHostString() + ":" + metricsListen.getPort());
        }
        if (configFile != null) {
            flags.add("--config=" + configFile.toAbsolutePath());
        }
        return flags;
    }

    public Path databaseFile() {
        return dataDir.resolve("queuectl.db");
    }

    public Path outputDir() {
        return dataDir.resolve("output");
    }

    public Path lockFile() {
        return dataDir.resolve("queuectld.lock");
    }
}

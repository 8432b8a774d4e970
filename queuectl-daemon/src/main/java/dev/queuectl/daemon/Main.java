package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonOption;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.daemon.config.SettingsException;
import dev.queuectl.daemon.config.SettingsLoader;
import dev.queuectl.protocol.BuildInfo;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code queuectld}: parses flags, resolves settings, then either runs the daemon in the
 * foreground until SIGTERM/SIGINT, or with {@code --detach} starts it in the background and
 * returns once its socket accepts connections.
 */
@Command(name = "queuectld", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            // lines of at most 79 characters: picocli wraps at 80 columns when it cannot tell the width
            "The queuectl daemon: owns the job store and runs jobs; clients talk to it",
            "over a Unix socket.",
            "",
            "Settings come from these flags, then QUEUECTL_* environment variables",
            "(QUEUECTL_DATA_DIR, ...), then the config file, then defaults. The config",
            "file is --config, else $QUEUECTL_CONFIG, else",
            "$XDG_CONFIG_HOME/queuectl/queuectld.conf (~/.config/...), else",
            "/etc/queuectl/queuectld.conf."},
        footer = {"", "Exit status: 0 stopped cleanly or started in the background; 1 could not",
            "start; 2 usage error.",
            "Anyone who can use the socket can run commands as this daemon's user."})
public final class Main implements Callable<Integer> {

    @Option(names = "--detach", description = "Start in the background; return 0 once the socket accepts connections.")
    boolean detach;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file to read (key = value lines).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Store, output and lock file directory.")
    String dataDir;

    @Option(names = "--socket", paramLabel = "PATH", description = "Unix socket to listen on.")
    String socket;

    @Option(names = "--socket-group", paramLabel = "GROUP", description = "Group allowed to use the socket.")
    String socketGroup;

    @Option(names = "--max-request-bytes", paramLabel = "SIZE", description = "Longest request line (default 1MiB).")
    String maxRequestBytes;

    @Option(names = "--max-connections", paramLabel = "N", description = "Most open client connections (default 256).")
    String maxConnections;

    @Option(names = "--drain-timeout", paramLabel = "DURATION",
            description = "How long running jobs may finish on shutdown (default 30s).")
    String drainTimeout;

    @Option(names = "--output-limit", paramLabel = "SIZE", description = "Output kept per run (default 1MiB).")
    String outputLimit;

    @Option(names = "--kill-grace", paramLabel = "DURATION",
            description = "Time between SIGTERM and SIGKILL when stopping a job (default 5s).")
    String killGrace;

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "text, journal, json or auto (default: journal under systemd, else text).")
    String logFormat;

    @Option(names = "--metrics-listen", paramLabel = "HOST:PORT",
            description = "Serve Prometheus metrics over HTTP on this loopback address (default: off).")
    String metricsListen;

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"queuectld " + BuildInfo.version()};
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("queuectld: " + e.getMessage());
            return 1;
        });
        int code = cli.execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        DaemonSettings settings;
        try {
            settings = new SettingsLoader(System.getenv()).load(flags(), config);
        } catch (SettingsException e) {
            System.err.println("queuectld: " + e.getMessage());
            return 1;
        }
        settings.logFormat().install(System.getenv());
        if (detach) {
            return Detacher.detach(settings, System.getenv());
        }
        return runForeground(settings);
    }

    private Map<DaemonOption, String> flags() {
        Map<DaemonOption, String> m = new EnumMap<>(DaemonOption.class);
        put(m, DaemonOption.DATA_DIR, dataDir);
        put(m, DaemonOption.SOCKET, socket);
        put(m, DaemonOption.SOCKET_GROUP, socketGroup);
        put(m, DaemonOption.MAX_REQUEST_BYTES, maxRequestBytes);
        put(m, DaemonOption.MAX_CONNECTIONS, maxConnections);
        put(m, DaemonOption.DRAIN_TIMEOUT, drainTimeout);
        put(m, DaemonOption.OUTPUT_LIMIT, outputLimit);
        put(m, DaemonOption.KILL_GRACE, killGrace);
        put(m, DaemonOption.LOG_FORMAT, logFormat);
        put(m, DaemonOption.METRICS_LISTEN, metricsListen);
        return m;
    }

    private static void put(Map<DaemonOption, String> m, DaemonOption o, String v) {
        if (v != null) {
            m.put(o, v);
        }
    }

    private static int runForeground(DaemonSettings settings) throws InterruptedException {
        QueueDaemon daemon;
        try {
            daemon = QueueDaemon.start(settings);
        } catch (DaemonStartException e) {
            System.err.println("queuectld: " + e.getMessage());
            return 1;
        }
        Signals.onTermination(sig -> {
            Thread stopper = new Thread(daemon::close, "queuectl-shutdown");
            stopper.start();
        });
        daemon.awaitTermination();
        return 0;
    }
}

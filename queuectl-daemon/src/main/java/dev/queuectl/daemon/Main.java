package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonOption;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.daemon.config.SettingsException;
import dev.queuectl.daemon.config.SettingsLoader;
import dev.queuectl.protocol.BuildInfo;
import dev.queuectl.protocol.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code queuectld}: parses flags, resolves settings, then either runs the daemon in the
 * foreground until SIGTERM/SIGINT, or with {@code --detach} starts it in the background and
 * returns once its socket accepts connections. One flag per {@link DaemonOption}, generated.
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
        footer = {"", "Exit status:",
            "  0  stopped cleanly, or started in the background (--detach)",
            "  1  could not start: a bad config file line or QUEUECTL_* value, a busy data",
            "     dir or socket, an unusable store, ...",
            "  2  usage error: an unknown flag, or a bad flag value (--output-limit abc,",
            "     --max-connections 0, --kill-grace -1s, ...)",
            "  3  stopped itself after a failure it could not carry on from (the log says",
            "     which); under systemd, Restart=on-failure starts it again",
            "Anyone who can use the socket can run commands as this daemon's user."})
public final class Main implements Callable<Integer> {
    static final int CANNOT_START = 1;
    static final int USAGE = 2;
    /** The daemon stopped itself: one of its loops failed in a way it could not carry on from. */
    static final int FAILED = 3;
    /** After a fatal failure, how much longer than a drain the daemon may take to stop before main exits anyway. */
    private static final Duration STOP_MARGIN = Duration.ofMinutes(1);

    @Option(names = "--detach", description = "Start in the background; return 0 once the socket accepts connections.")
    boolean detach;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file to read (key = value lines).")
    Path config;

    private final Map<DaemonOption, OptionSpec> options = new EnumMap<>(DaemonOption.class);

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"queuectld " + BuildInfo.version()};
        }
    }

    /** The command line, with one option per daemon setting added to the annotated ones. */
    static CommandLine commandLine(Main main) {
        CommandLine cli = new CommandLine(main);
        for (DaemonOption o : DaemonOption.values()) {
            String def = o.defaultText() == null || o.defaultText().isEmpty() ? "" : " (default " + o.defaultText() + ")";
            OptionSpec spec = OptionSpec.builder(o.flag()).paramLabel(o.label()).type(String.class)
                    .description(o.description() + def).build();
            cli.getCommandSpec().addOption(spec);
            main.options.put(o, spec);
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("queuectld: " + e.getMessage());
            return CANNOT_START;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("queuectld: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'queuectld --help' for usage.");
            return USAGE;
        });
        return cli;
    }

    public static void main(String[] args) {
        int code = commandLine(new Main()).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        DaemonSettings settings;
        try {
            settings = new SettingsLoader(System.getenv()).load(flags(), config);
        } catch (SettingsException e) {
            System.err.println("queuectld: " + e.getMessage());
            return e.onCommandLine() ? USAGE : CANNOT_START;
        }
        settings.logFormat().install(System.getenv());
        if (detach) {
            return Detacher.detach(settings, System.getenv());
        }
        return runForeground(settings);
    }

    private Map<DaemonOption, String> flags() {
        Map<DaemonOption, String> m = new EnumMap<>(DaemonOption.class);
        options.forEach((o, spec) -> {
            String v = spec.getValue();
            if (v != null) {
                m.put(o, v);
            }
        });
        return m;
    }

    private static int runForeground(DaemonSettings settings) throws InterruptedException {
        QueueDaemon daemon;
        try {
            daemon = QueueDaemon.start(settings);
        } catch (DaemonStartException e) {
            System.err.println("queuectld: " + e.getMessage());
            return CANNOT_START;
        }
        Signals.onTermination(sig -> {
            Thread stopper = new Thread(daemon::close, "queuectl-shutdown");
            stopper.start();
        });
        return awaitStop(daemon, settings);
    }

    /**
     * Waits until the daemon stops; returns 0, or {@link #FAILED} when it stopped itself after a
     * fatal failure (then waiting at most a drain's time plus a margin, so that a stop that
     * hangs cannot keep a broken daemon from being restarted).
     */
    static int awaitStop(QueueDaemon daemon, DaemonSettings settings) throws InterruptedException {
        try {
            CompletableFuture.anyOf(daemon.fatalFailure(), daemon.termination()).get();
        } catch (ExecutionException e) {
            return FAILED;
        }
        if (daemon.failure().isEmpty()) {
            return 0;
        }
        Duration limit = settings.drainTimeout().plus(settings.killGrace()).plus(STOP_MARGIN);
        if (!daemon.awaitTermination(limit)) {
            System.err.println("queuectld: did not stop within " + Durations.text(limit)
                    + " after a fatal failure; exiting anyway");
        }
        System.err.println("queuectld: stopped after a failure it could not carry on from: "
                + daemon.failure().get().describe());
        return FAILED;
    }
}

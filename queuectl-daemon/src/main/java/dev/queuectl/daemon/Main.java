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
        footer = {"", "Exit status: 0 stopped cleanly or started in the background; 1 could not",
            "start (a bad config file line or QUEUECTL_* value among the reasons); 2 usage",
            "error (an unknown flag or a bad flag value).",
            "Anyone who can use the socket can run commands as this daemon's user."})
public final class Main implements Callable<Integer> {
    static final int CANNOT_START = 1;
    static final int USAGE = 2;

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
        daemon.awaitTermination();
        return 0;
    }
}

package dev.queuectl.client.command;

import dev.queuectl.client.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code queuectl}: lists the commands and the exit statuses; does nothing by itself. Holds the
 * options every command takes (--socket, --json, --utc, --help, --version); picocli copies them
 * into each subcommand, and the copies share their values with the originals here.
 */
public final class QueuectlCommand extends BaseCommand implements Runnable {
    private final OptionSpec socket = inherited(OptionSpec.builder("--socket").paramLabel("PATH").type(String.class)
            .description(HelpText.wrap(HelpText.OPTION_WIDTH, "queuectld's socket. Default: $QUEUECTL_SOCKET,"
                    + " else $XDG_RUNTIME_DIR/queuectl/queuectld.sock, else ~/.local/state/queuectl/queuectld.sock,"
                    + " else /run/queuectl/queuectld.sock. An empty path is an error.")));

    private final OptionSpec json = inherited(OptionSpec.builder("--json").type(boolean.class).defaultValue("false")
            .description(HelpText.wrap(HelpText.OPTION_WIDTH, "Print the daemon's result as one JSON document,"
                    + " exactly as the protocol returned it (logs --follow: one JSON line per chunk). A failure prints"
                    + " the protocol's error object, {\"code\": ..., \"message\": ...}, on stdout too.")));

    private final OptionSpec utc = inherited(OptionSpec.builder("--utc").type(boolean.class).defaultValue("false")
            .description(HelpText.wrap(HelpText.OPTION_WIDTH, "Show times in UTC rather than the local time zone ($TZ).")));

    public QueuectlCommand() {
        super("queuectl",
                "Talk to queuectld, the local background job queue.",
                "Enqueue shell commands, watch them run, retry the ones that died. Every command takes --socket"
                        + " PATH, --json and --utc. Times are shown in the local time zone, with its offset.");
        inherited(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit."));
        inherited(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit."));
        String[] footer = {
            "",
            "Examples:",
            "  queuectl enqueue -- cp -r ~/photos /mnt/backup    run exactly this argv",
            "  queuectl enqueue 'make && make test'              a shell command as written",
            "  queuectl enqueue -- '{ make; make test; } > log'  a command starting with {",
            "  queuectl enqueue '{\"id\":\"nightly\",\"command\":\"./nightly.sh\"}'   a JSON job",
            "  queuectl list --state failed",
            "  queuectl help durations                           how to write durations",
            "",
        };
        String[] all = new String[footer.length + ExitCodes.HELP.length];
        System.arraycopy(footer, 0, all, 0, footer.length);
        System.arraycopy(ExitCodes.HELP, 0, all, footer.length, ExitCodes.HELP.length);
        spec.usageMessage().footer(all);
    }

    private OptionSpec inherited(OptionSpec.Builder builder) {
        OptionSpec option = builder.scopeType(CommandLine.ScopeType.INHERIT).build();
        spec.addOption(option);
        return option;
    }

    /** --socket, wherever on the command line it was given; null when absent. */
    String socket() {
        return socket.getValue();
    }

    /** --json, wherever on the command line it was given. */
    boolean json() {
        return json.getValue();
    }

    /** --utc, wherever on the command line it was given. */
    boolean utc() {
        return utc.getValue();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "which command? (for example: queuectl status)");
    }
}

package dev.queuectl.client.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code queuectl}: lists the commands; does nothing by itself. Holds the options every command
 * takes (--socket, --json, --help, --version); picocli copies them into each subcommand, and the
 * copies share their values with the originals here.
 */
public final class QueuectlCommand extends BaseCommand implements Runnable {
    private final OptionSpec socket = inherited(OptionSpec.builder("--socket").paramLabel("PATH").type(String.class)
            .description("queuectld's socket. Default: $QUEUECTL_SOCKET, else $XDG_RUNTIME_DIR/queuectl/queuectld.sock,"
                    + " else ~/.local/state/queuectl/queuectld.sock, else /run/queuectl/queuectld.sock."));

    private final OptionSpec json = inherited(OptionSpec.builder("--json").type(boolean.class).defaultValue("false")
            .description("Print the daemon's result as JSON, exactly as the protocol returned it."));

    public QueuectlCommand() {
        super("queuectl",
                "Talk to queuectld, the local background job queue: enqueue shell commands, watch them",
                "run, retry the ones that died. Every command takes --socket PATH and --json.");
        inherited(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit."));
        inherited(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit."));
        spec.usageMessage().footer(
                "",
                "Examples:",
                "  queuectl enqueue -- cp -r ~/photos /mnt/backup     several arguments: run exactly this argv",
                "  queuectl enqueue 'make && make test'              one argument: a shell command as written",
                "  queuectl enqueue '{\"id\":\"nightly\",\"command\":\"./nightly.sh\",\"max_retries\":5}'",
                "  queuectl list --state failed",
                "  queuectl status");
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

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "which command? (for example: queuectl status)");
    }
}

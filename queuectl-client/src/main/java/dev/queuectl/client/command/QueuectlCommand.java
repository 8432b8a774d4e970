package dev.queuectl.client.command;

import dev.queuectl.protocol.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code queuectl}: lists the commands; does nothing by itself. */
@Command(name = "queuectl", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = QueuectlCommand.Version.class,
        usageHelpAutoWidth = true,
        description = {
            "Talk to queuectld, the local background job queue: enqueue shell commands, watch them",
            "run, retry the ones that died. Every command takes --socket PATH and --json.",
        },
        footer = {
            "",
            "Examples:",
            "  queuectl enqueue -- cp -r ~/photos /mnt/backup     several arguments: run exactly this argv",
            "  queuectl enqueue 'make && make test'              one argument: a shell command as written",
            "  queuectl enqueue '{\"id\":\"nightly\",\"command\":\"./nightly.sh\",\"max_retries\":5}'",
            "  queuectl list --state failed",
            "  queuectl status",
        })
public final class QueuectlCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--socket", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = "queuectld's socket. Default: $QUEUECTL_SOCKET, else $XDG_RUNTIME_DIR/queuectl/queuectld.sock,"
                    + " else ~/.local/state/queuectl/queuectld.sock, else /run/queuectl/queuectld.sock.")
    String socket;

    @Option(names = "--json", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the daemon's result as JSON, exactly as the protocol returned it.")
    boolean json;

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"queuectl " + BuildInfo.version()};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "which command? (for example: queuectl status)");
    }
}

package dev.queuectl.client;

import dev.queuectl.client.command.ConfigCommand;
import dev.queuectl.client.command.ConfigGetCommand;
import dev.queuectl.client.command.ConfigSetCommand;
import dev.queuectl.client.command.ConfigShowCommand;
import dev.queuectl.client.command.CancelCommand;
import dev.queuectl.client.command.DlqCommand;
import dev.queuectl.client.command.DlqListCommand;
import dev.queuectl.client.command.DlqPurgeCommand;
import dev.queuectl.client.command.DlqRetryCommand;
import dev.queuectl.client.command.DrainCommand;
import dev.queuectl.client.command.EnqueueCommand;
import dev.queuectl.client.command.ListCommand;
import dev.queuectl.client.command.LogsCommand;
import dev.queuectl.client.command.MetricsCommand;
import dev.queuectl.client.command.PruneCommand;
import dev.queuectl.client.command.QueuectlCommand;
import dev.queuectl.client.command.ShowCommand;
import dev.queuectl.client.command.StatusCommand;
import dev.queuectl.client.command.WaitCommand;
import dev.queuectl.client.command.WorkerCommand;
import dev.queuectl.client.command.WorkerStartCommand;
import dev.queuectl.client.command.WorkerStopCommand;
import dev.queuectl.protocol.ProtocolException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the {@code queuectl} command line: every command, wired to the given output streams and
 * context, with failures mapped to one stderr line and a fixed exit status. {@code main} and the
 * tests both build it here.
 */
public final class Cli {
    private Cli() {
    }

    /** Every command's help ends with the exit statuses, so scripts can look them up anywhere. */
    private static void appendExitCodes(CommandLine c) {
        String[] footer = c.getCommandSpec().usageMessage().footer();
        String[] withCodes = new String[footer.length + ExitCodes.HELP.length + 1];
        System.arraycopy(footer, 0, withCodes, 0, footer.length);
        withCodes[footer.length] = "";
        System.arraycopy(ExitCodes.HELP, 0, withCodes, footer.length + 1, ExitCodes.HELP.length);
        c.getCommandSpec().usageMessage().footer(withCodes);
        for (CommandLine sub : c.getSubcommands().values()) {
            appendExitCodes(sub);
        }
    }

    public static CommandLine create(ClientContext context, PrintWriter out, PrintWriter err) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    return cls.getDeclaredConstructor(ClientContext.class).newInstance(context);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        };
        CommandLine cli = new CommandLine(QueuectlCommand.class, factory);
        cli.addSubcommand(new CommandLine(EnqueueCommand.class, factory).setStopAtPositional(true));
        cli.addSubcommand(new CommandLine(ShowCommand.class, factory));
        cli.addSubcommand(new CommandLine(ListCommand.class, factory));
        cli.addSubcommand(new CommandLine(StatusCommand.class, factory));
        cli.addSubcommand(new CommandLine(LogsCommand.class, factory));
        cli.addSubcommand(new CommandLine(WaitCommand.class, factory));
        cli.addSubcommand(new CommandLine(CancelCommand.class, factory));
        cli.addSubcommand(new CommandLine(DlqCommand.class, factory)
                .addSubcommand(new CommandLine(DlqListCommand.class, factory))
                .addSubcommand(new CommandLine(DlqRetryCommand.class, factory))
                .addSubcommand(new CommandLine(DlqPurgeCommand.class, factory)));
        cli.addSubcommand(new CommandLine(WorkerCommand.class, factory)
                .addSubcommand(new CommandLine(WorkerStartCommand.class, factory))
                .addSubcommand(new CommandLine(WorkerStopCommand.class, factory)));
        cli.addSubcommand(new CommandLine(ConfigCommand.class, factory)
                .addSubcommand(new CommandLine(ConfigGetCommand.class, factory))
                .addSubcommand(new CommandLine(ConfigSetCommand.class, factory))
                .addSubcommand(new CommandLine(ConfigShowCommand.class, factory)));
        cli.addSubcommand(new CommandLine(PruneCommand.class, factory));
        cli.addSubcommand(new CommandLine(MetricsCommand.class, factory));
        cli.addSubcommand(new CommandLine(DrainCommand.class, factory));
        appendExitCodes(cli);
        cli.setUsageHelpWidth(100);
        cli.setUsageHelpAutoWidth(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            if (e instanceof CommandFailure) {
                w.println("queuectl: " + e.getMessage());
                w.flush();
                return ((CommandFailure) e).exitCode();
            }
            if (e instanceof ProtocolException) {
                w.println("queuectl: unexpected answer from queuectld: " + e.getMessage());
                w.flush();
                return ExitCodes.ERROR;
            }
            w.println("queuectl: internal error: " + e);
            w.flush();
            return ExitCodes.ERROR;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            PrintWriter w = c.getErr();
            w.println("queuectl: " + e.getMessage());
            w.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            w.flush();
            return ExitCodes.USAGE;
        });
        return cli;
    }
}

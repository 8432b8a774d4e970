package dev.queuectl.client;

import dev.queuectl.client.command.CompletionCommand;
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
import java.util.List;
import picocli.CommandLine;

/**
 * Builds the {@code queuectl} command line: every command, wired to the given output streams and
 * context, with failures mapped to one stderr line and a fixed exit status. {@code main} and the
 * tests both build it here.
 */
public final class Cli {
    private Cli() {
    }

    /** The first argument that is not a top-level option, or null. */
    static String commandName(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--socket")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static CommandLine command(String name, CommandLine.IFactory f) {
        switch (name) {
            case "enqueue": return new CommandLine(EnqueueCommand.class, f).setStopAtPositional(true);
            case "show": return new CommandLine(ShowCommand.class, f);
            case "list": return new CommandLine(ListCommand.class, f);
            case "status": return new CommandLine(StatusCommand.class, f);
            case "logs": return new CommandLine(LogsCommand.class, f);
            case "wait": return new CommandLine(WaitCommand.class, f);
            case "cancel": return new CommandLine(CancelCommand.class, f);
            case "dlq": return new CommandLine(DlqCommand.class, f)
                    .addSubcommand(new CommandLine(DlqListCommand.class, f))
                    .addSubcommand(new CommandLine(DlqRetryCommand.class, f))
                    .addSubcommand(new CommandLine(DlqPurgeCommand.class, f));
            case "worker": return new CommandLine(WorkerCommand.class, f)
                    .addSubcommand(new CommandLine(WorkerStartCommand.class, f))
                    .addSubcommand(new CommandLine(WorkerStopCommand.class, f));
            case "config": return new CommandLine(ConfigCommand.class, f)
                    .addSubcommand(new CommandLine(ConfigGetCommand.class, f))
                    .addSubcommand(new CommandLine(ConfigSetCommand.class, f))
                    .addSubcommand(new CommandLine(ConfigShowCommand.class, f));
            case "prune": return new CommandLine(PruneCommand.class, f);
            case "metrics": return new CommandLine(MetricsCommand.class, f);
            case "drain": return new CommandLine(DrainCommand.class, f);
            case "completion": return new CommandLine(CompletionCommand.class, f);
            default: throw new IllegalArgumentException(name);
        }
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

    /** The top-level commands, in the order {@code queuectl --help} lists them. */
    static final List<String> COMMANDS = List.of("enqueue", "show", "list", "status", "logs", "wait", "cancel", "dlq",
            "worker", "config", "prune", "metrics", "drain", "completion");

    /**
     * Builds the command line for {@code args}. Only the command being run is built (picocli reads
     * every command's annotations by reflection, which costs start-up time on every call); help
     * and unknown commands get them all.
     */
    public static CommandLine create(ClientContext context, PrintWriter out, PrintWriter err, String... args) {
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
        String wanted = commandName(args);
        for (String name : COMMANDS) {
            // completion describes every command, so it needs them all
            if (wanted == null || !COMMANDS.contains(wanted) || wanted.equals(name) || wanted.equals("completion")) {
                cli.addSubcommand(command(name, factory));
            }
        }
        appendExitCodes(cli);
        cli.setUsageHelpWidth(100);
        cli.setUsageHelpAutoWidth(true);
        cli.setOut(out);
        cli.setErr(err);
        // Anonymous classes rather than lambdas: the first lambda costs the JVM noticeable start-up time.
        cli.setExecutionExceptionHandler(new CommandLine.IExecutionExceptionHandler() {
            @Override
            public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
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
            }
        });
        cli.setParameterExceptionHandler(new CommandLine.IParameterExceptionHandler() {
            @Override
            public int handleParseException(CommandLine.ParameterException e, String[] badArgs) {
                CommandLine c = e.getCommandLine();
                PrintWriter w = c.getErr();
                w.println("queuectl: " + e.getMessage());
                w.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
                w.flush();
                return ExitCodes.USAGE;
            }
        });
        return cli;
    }
}

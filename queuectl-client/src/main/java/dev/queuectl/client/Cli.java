package dev.queuectl.client;

import dev.queuectl.client.command.BaseCommand;
import dev.queuectl.client.command.CompletionCommand;
import dev.queuectl.client.command.ConfigGetCommand;
import dev.queuectl.client.command.ConfigSetCommand;
import dev.queuectl.client.command.ConfigShowCommand;
import dev.queuectl.client.command.CancelCommand;
import dev.queuectl.client.command.DashboardCommand;
import dev.queuectl.client.command.DlqListCommand;
import dev.queuectl.client.command.DlqPurgeCommand;
import dev.queuectl.client.command.DlqRetryCommand;
import dev.queuectl.client.command.DrainCommand;
import dev.queuectl.client.command.EnqueueCommand;
import dev.queuectl.client.command.GroupCommand;
import dev.queuectl.client.command.ListCommand;
import dev.queuectl.client.command.LogsCommand;
import dev.queuectl.client.command.MetricsCommand;
import dev.queuectl.client.command.PruneCommand;
import dev.queuectl.client.command.QueuectlCommand;
import dev.queuectl.client.command.ShowCommand;
import dev.queuectl.client.command.StatusCommand;
import dev.queuectl.client.command.WaitCommand;
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

    private static CommandLine command(String name, ClientContext c) {
        switch (name) {
            case "enqueue": return line(new EnqueueCommand(c)).setStopAtPositional(true);
            case "show": return line(new ShowCommand(c));
            case "list": return line(new ListCommand(c));
            case "status": return line(new StatusCommand(c));
            case "logs": return line(new LogsCommand(c));
            case "wait": return line(new WaitCommand(c));
            case "cancel": return line(new CancelCommand(c));
            case "dlq": return line(new GroupCommand("dlq", "which dlq command? (for example: queuectl dlq list)",
                            "The dead-letter queue: jobs that failed max_retries + 1 times, or were cancelled."))
                    .addSubcommand(line(new DlqListCommand(c)))
                    .addSubcommand(line(new DlqRetryCommand(c)))
                    .addSubcommand(line(new DlqPurgeCommand(c)));
            case "worker": return line(new GroupCommand("worker", "which worker command? (start or stop)",
                            "Start or stop taking jobs. Stopping lets running jobs finish; the daemon keeps serving.",
                            "The setting is stored: a stopped pool stays stopped across restarts."))
                    .addSubcommand(line(new WorkerStartCommand(c)))
                    .addSubcommand(line(new WorkerStopCommand(c)));
            case "config": return line(new GroupCommand("config", "which config command? (get, set or show)",
                            "Read or change the daemon's runtime settings; changes are stored and survive restarts.",
                            "Keys: max_retries, backoff_base, backoff_max, job_timeout, workers, keep_completed, keep_dead",
                            "(max-retries etc. work too)."))
                    .addSubcommand(line(new ConfigGetCommand(c)))
                    .addSubcommand(line(new ConfigSetCommand(c)))
                    .addSubcommand(line(new ConfigShowCommand(c)));
            case "prune": return line(new PruneCommand(c));
            case "metrics": return line(new MetricsCommand(c));
            case "drain": return line(new DrainCommand(c));
            case "dashboard": return line(new DashboardCommand(c));
            case "completion": return line(new CompletionCommand());
            default: throw new IllegalArgumentException(name);
        }
    }

    private static CommandLine line(BaseCommand command) {
        return new CommandLine(command.spec());
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
            "worker", "config", "prune", "metrics", "dashboard", "drain", "completion");

    /**
     * Builds the command line for {@code args}. Only the command being run is built (each model
     * costs start-up time on every call); help and unknown commands get them all.
     */
    public static CommandLine create(ClientContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = line(new QueuectlCommand());
        String wanted = commandName(args);
        for (String name : COMMANDS) {
            // completion describes every command, so it needs them all
            if (wanted == null || !COMMANDS.contains(wanted) || wanted.equals(name) || wanted.equals("completion")) {
                cli.addSubcommand(command(name, context));
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

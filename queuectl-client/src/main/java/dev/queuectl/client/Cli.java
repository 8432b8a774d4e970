package dev.queuectl.client;

import dev.queuectl.client.command.BaseCommand;
import dev.queuectl.client.command.CompletionCommand;
import dev.queuectl.client.command.ConfigGetCommand;
import dev.queuectl.client.command.ConfigSetCommand;
import dev.queuectl.client.command.ConfigShowCommand;
import dev.queuectl.client.command.CancelCommand;
import dev.queuectl.client.command.CompleteCommand;
import dev.queuectl.client.command.DashboardCommand;
import dev.queuectl.client.command.DlqListCommand;
import dev.queuectl.client.command.DlqPurgeCommand;
import dev.queuectl.client.command.DlqRetryCommand;
import dev.queuectl.client.command.DrainCommand;
import dev.queuectl.client.command.EditCommand;
import dev.queuectl.client.command.EnqueueCommand;
import dev.queuectl.client.command.GroupCommand;
import dev.queuectl.client.command.HelpCommand;
import dev.queuectl.client.command.HoldCommand;
import dev.queuectl.client.command.ListCommand;
import dev.queuectl.client.command.LogsCommand;
import dev.queuectl.client.command.MetricsCommand;
import dev.queuectl.client.command.PruneCommand;
import dev.queuectl.client.command.QueuectlCommand;
import dev.queuectl.client.command.ReleaseCommand;
import dev.queuectl.client.command.RerunCommand;
import dev.queuectl.client.command.ShowCommand;
import dev.queuectl.client.command.StatusCommand;
import dev.queuectl.client.command.WaitCommand;
import dev.queuectl.client.command.WorkerStartCommand;
import dev.queuectl.client.command.WorkerStopCommand;
import dev.queuectl.client.render.DisplayText;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.RuntimeKey;
import dev.queuectl.protocol.json.Json;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            case "rerun": return line(new RerunCommand(c));
            case "edit": return line(new EditCommand(c));
            case "hold": return line(new HoldCommand(c));
            case "release": return line(new ReleaseCommand(c));
            case "dlq": return line(new GroupCommand("dlq", "which dlq command? (for example: queuectl dlq list)",
                            "The dead-letter queue (dead jobs): list, retry, purge.",
                            "Jobs are dead when they failed max_retries + 1 times, or were cancelled."))
                    .addSubcommand(line(new DlqListCommand(c)))
                    .addSubcommand(line(new DlqRetryCommand(c)))
                    .addSubcommand(line(new DlqPurgeCommand(c)));
            case "worker": return line(new GroupCommand("worker", "which worker command? (start or stop)",
                            "Start or stop taking jobs; the daemon keeps serving.",
                            "Stopping lets running jobs finish. The switch is stored: a stopped pool stays stopped"
                                    + " across restarts."))
                    .addSubcommand(line(new WorkerStartCommand(c)))
                    .addSubcommand(line(new WorkerStopCommand(c)));
            case "config": return line(new GroupCommand("config", "which config command? (get, set or show)",
                            "Read or change the daemon's runtime settings.",
                            "Changes are stored and survive restarts. Keys (max-retries works for max_retries): "
                                    + RuntimeKey.names() + "."))
                    .addSubcommand(line(new ConfigGetCommand(c)))
                    .addSubcommand(line(new ConfigSetCommand(c)))
                    .addSubcommand(line(new ConfigShowCommand(c)));
            case "prune": return line(new PruneCommand(c));
            case "metrics": return line(new MetricsCommand(c));
            case "drain": return line(new DrainCommand(c));
            case "dashboard": return line(new DashboardCommand(c));
            case "completion": return line(new CompletionCommand());
            case "help": return line(new HelpCommand());
            case "__complete": return line(new CompleteCommand(c));
            default: throw new IllegalArgumentException(name);
        }
    }

    private static CommandLine line(BaseCommand command) {
        return new CommandLine(command.spec());
    }

    /** Every command's help points at the exit statuses, which the top-level help lists. */
    private static void pointAtExitCodes(CommandLine c) {
        for (CommandLine sub : c.getSubcommands().values()) {
            String[] footer = sub.getCommandSpec().usageMessage().footer();
            String[] withPointer = Arrays.copyOf(footer, footer.length + 2);
            withPointer[footer.length] = "";
            withPointer[footer.length + 1] = "Exit status: see queuectl help exit-codes.";
            sub.getCommandSpec().usageMessage().footer(withPointer);
            pointAtExitCodes(sub);
        }
    }

    /** Help is laid out for 80 columns, always: a fixed layout never breaks a path across lines. */
    static final int HELP_WIDTH = 80;

    /** The top-level commands, in the order {@code queuectl --help} lists them. */
    static final List<String> COMMANDS = List.of("enqueue", "show", "list", "status", "logs", "wait", "cancel", "rerun",
            "edit", "hold", "release", "dlq", "worker", "config", "prune", "metrics", "dashboard", "drain", "completion",
            "help", "__complete");

    /**
     * Builds the command line for {@code args}. Only the command being run is built (each model
     * costs start-up time on every call); help and unknown commands get them all.
     */
    public static CommandLine create(ClientContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = line(new QueuectlCommand());
        String wanted = commandName(args);
        boolean all = wanted == null || !COMMANDS.contains(wanted) || wanted.equals("completion") || wanted.equals("help");
        for (String name : COMMANDS) {
            // completion and help describe every command, so they need them all
            if (all || wanted.equals(name)) {
                cli.addSubcommand(command(name, context));
            }
        }
        pointAtExitCodes(cli);
        cli.setUsageHelpWidth(HELP_WIDTH);
        cli.setUsageHelpAutoWidth(false);
        // "@file" arguments stay as they are: they are job commands and ids, never picocli argument files.
        cli.setExpandAtFiles(false);
        cli.setOut(out);
        cli.setErr(err);
        boolean jsonErrors = jsonRequested(args);
        // Anonymous classes rather than lambdas: the first lambda costs the JVM noticeable start-up time.
        cli.setExecutionExceptionHandler(new CommandLine.IExecutionExceptionHandler() {
            @Override
            public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
                if (e instanceof CommandFailure) {
                    CommandFailure f = (CommandFailure) e;
                    return fail(commandLine, jsonErrors, f.code(), e.getMessage(), null);
                }
                if (e instanceof ProtocolException) {
                    return fail(commandLine, jsonErrors, ErrorCode.INTERNAL,
                            "unexpected answer from queuectld: " + e.getMessage(), null);
                }
                return fail(commandLine, jsonErrors, ErrorCode.INTERNAL, "internal error: " + e, null);
            }
        });
        cli.setParameterExceptionHandler(new CommandLine.IParameterExceptionHandler() {
            @Override
            public int handleParseException(CommandLine.ParameterException e, String[] badArgs) {
                CommandLine c = e.getCommandLine();
                return fail(c, jsonErrors, ErrorCode.INVALID_ARGUMENT, e.getMessage(),
                        "Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
        });
        return cli;
    }

    /**
     * Reports a failure: one line on stderr (control characters escaped, as everywhere the CLI
     * shows text it did not write), and with --json the protocol's error object on stdout.
     */
    static int fail(CommandLine c, boolean json, ErrorCode code, String message, String hint) {
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code.wireName());
            error.put("message", message);
            c.getOut().println(Json.toString(error));
            c.getOut().flush();
        }
        PrintWriter w = c.getErr();
        w.println("queuectl: " + DisplayText.escape(message));
        if (hint != null) {
            w.println(hint);
        }
        w.flush();
        return ExitCodes.of(code);
    }

    /** Whether --json was given before any "--" (asked before parsing, which may be what failed). */
    static boolean jsonRequested(String... args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json")) {
                return true;
            }
        }
        return false;
    }
}

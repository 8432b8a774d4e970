package dev.queuectl.client.command;

import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code queuectl help [COMMAND [SUBCOMMAND] | exit-codes | durations]}: a command's help, or a
 * topic that concerns every command. Talks to no daemon; runs on the command line's thread.
 */
public final class HelpCommand extends BaseCommand implements Callable<Integer> {
    private final PositionalParamSpec topic = parameter("0", "TOPIC", "0..1",
            "A command (enqueue, dlq, ...), exit-codes or durations.");

    private final PositionalParamSpec subcommand = parameter("1", "SUBCOMMAND", "0..1",
            "A subcommand, for dlq, worker and config.");

    public HelpCommand() {
        super("help",
                "Show the help of a command, or a topic:",
                "  exit-codes  what each exit status of queuectl means",
                "  durations   how to write a duration, and the range of every time value");
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        PrintWriter out = root.getOut();
        String name = topic.getValue();
        if (name == null) {
            root.usage(out);
            return ExitCodes.OK;
        }
        if (name.equals("exit-codes")) {
            for (String line : ExitCodes.HELP) {
                out.println(line);
            }
            return ExitCodes.OK;
        }
        if (name.equals("durations")) {
            for (String line : HelpTopics.durations()) {
                out.println(line);
            }
            return ExitCodes.OK;
        }
        CommandLine command = root.getSubcommands().get(name);
        if (command == null) {
            throw CommandFailure.usage("no command or help topic '" + name + "'; topics: exit-codes, durations;"
                    + " commands: " + String.join(", ", root.getSubcommands().keySet()));
        }
        String sub = subcommand.getValue();
        if (sub != null) {
            CommandLine inner = command.getSubcommands().get(sub);
            if (inner == null) {
                throw CommandFailure.usage("'" + name + "' has no subcommand '" + sub + "'");
            }
            command = inner;
        }
        command.usage(out);
        return ExitCodes.OK;
    }
}

package dev.queuectl.client.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the completion scripts know, read from the client's own command model so that they always
 * match it: every command path with its subcommands, its options (which take a value, and what
 * kind of value) and what its positional arguments are. Values queuectld knows (job ids, label
 * keys, config keys) are asked for when completing, through {@code queuectl __complete}.
 */
public final class CompletionModel {
    /** The states a job-id argument offers, by command: the jobs the command can act on. */
    private static final Map<String, String> JOB_STATES = Map.of(
            "cancel", "pending,processing,failed",
            "rerun", "completed,dead",
            "hold", "pending,failed",
            "release", "pending,failed",
            "edit", "pending,failed",
            "dlq retry", "dead",
            "dlq purge", "dead");

    /** One option: its names, whether it takes a value, the kind of value ("" for free text). */
    public record Option(List<String> names, boolean takesValue, String kind, String description) {
    }

    /**
     * One command path ("" for queuectl itself, "dlq retry" for a nested one). Kinds of values are
     * one word each: {@code states}, {@code shells}, {@code file}, {@code dir}, {@code label_keys},
     * {@code config_keys}, {@code job_ids} or {@code job_ids:STATE,STATE} (ids of jobs in those
     * states), or "" (anything).
     */
    public record Command(String path, List<String> subcommands, List<Option> options, String positionalKind) {
    }

    private CompletionModel() {
    }

    /** Every visible command path under {@code root}, root first. */
    public static List<Command> of(CommandLine root) {
        List<Command> out = new ArrayList<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(CommandLine line, String path, List<Command> out) {
        CommandSpec spec = line.getCommandSpec();
        List<String> subs = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : line.getSubcommands().entrySet()) {
            if (!e.getValue().getCommandSpec().usageMessage().hidden()) {
                subs.add(e.getKey());
            }
        }
        List<Option> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            boolean value = !o.typeInfo().isBoolean();
            String description = o.description().length == 0 ? "" : o.description()[0];
            options.add(new Option(List.of(o.names()), value, value ? optionKind(o) : "", description));
        }
        String positional = "";
        for (PositionalParamSpec p : spec.positionalParameters()) {
            positional = positionalKind(path, p);
        }
        out.add(new Command(path, subs, options, positional));
        for (Map.Entry<String, CommandLine> e : line.getSubcommands().entrySet()) {
            if (!e.getValue().getCommandSpec().usageMessage().hidden()) {
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + " " + e.getKey(), out);
            }
        }
    }

    private static String optionKind(OptionSpec o) {
        switch (o.longestName()) {
            case "--state":
                return "states";
            case "--label":
            case "--unlabel":
                return "label_keys";
            case "--cwd":
                return "dir";
            case "--env-file":
            case "--file":
            case "--socket":
                return "file";
            default:
                return "";
        }
    }

    private static String positionalKind(String path, PositionalParamSpec p) {
        switch (p.paramLabel()) {
            case "ID":
                String states = JOB_STATES.get(path);
                return states == null ? "job_ids" : "job_ids:" + states;
            case "KEY":
                return "config_keys";
            case "SHELL":
                return "shells";
            default:
                return "";
        }
    }
}

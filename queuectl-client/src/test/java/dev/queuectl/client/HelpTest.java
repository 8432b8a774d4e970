package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.client.render.DisplayText;
import dev.queuectl.protocol.DurationRule;
import dev.queuectl.protocol.RuntimeKey;
import dev.queuectl.protocol.TimeRules;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** --help is laid out for 80 columns and never wrapped by picocli; exit codes and keys are where they belong. */
class HelpTest {
    private static final String[] PATHS = {"$XDG_RUNTIME_DIR/queuectl/queuectld.sock",
        "~/.local/state/queuectl/queuectld.sock", "/run/queuectl/queuectld.sock", "/etc/bash_completion.d/queuectl"};

    /** Every command, with the arguments that print its help. */
    private static List<String[]> everyCommand(CommandLine c, List<String> path, List<String[]> into) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        into.add(args.toArray(new String[0]));
        for (Map.Entry<String, CommandLine> sub : c.getSubcommands().entrySet()) {
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            everyCommand(sub.getValue(), next, into);
        }
        return into;
    }

    private static CommandLine model(String... args) {
        ClientContext context = new ClientContext(Map.of(), Clock.systemUTC(), new ByteArrayInputStream(new byte[0]));
        return Cli.create(context, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    /** The text lines a command's help is made of: description, footer, option and parameter descriptions. */
    private static List<String> textOf(CommandSpec spec) {
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
        lines.addAll(List.of(spec.usageMessage().footer()));
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec a : args) {
            lines.addAll(List.of(a.description()));
        }
        return lines;
    }

    @Test
    void everyHelpFitsEightyColumnsAndNoLineIsWrappedSoNoPathIsBroken() {
        List<String[]> commands = everyCommand(model("--help"), List.of(), new ArrayList<>());
        assertTrue(commands.size() > 20, "every command and subcommand: " + commands.size());
        for (String[] args : commands) {
            CliRun r = CliRun.run(null, args);
            assertEquals(0, r.exitCode, String.join(" ", args) + r);
            for (String line : r.out.split("\n")) {
                assertTrue(DisplayText.width(line) <= 80, String.join(" ", args) + ": too wide: " + line);
            }
            CommandLine c = model(args);
            for (int i = 0; i < args.length - 1; i++) {
                c = c.getSubcommands().get(args[i]);
            }
            for (String text : textOf(c.getCommandSpec())) {
                if (!text.contains("${")) {
                    assertTrue(r.out.contains(text.stripTrailing()), String.join(" ", args)
                            + ": picocli had to wrap this line:\n" + text + "\nin\n" + r.out);
                }
            }
        }
        String top = CliRun.run(null, "--help").out;
        for (String path : PATHS) {
            assertTrue(top.contains(path) || CliRun.run(null, "completion", "--help").out.contains(path), path);
        }
    }

    @Test
    void theCommandListShowsEachSummaryWhole() {
        String top = CliRun.run(null, "--help").out;
        for (CommandLine sub : model("--help").getSubcommands().values()) {
            String summary = sub.getCommandSpec().usageMessage().description()[0];
            if (sub.getCommandSpec().usageMessage().hidden()) {
                assertFalse(top.contains(summary), "a hidden command is not listed:\n" + top);
                continue;
            }
            assertTrue(top.contains("  " + summary + "\n"), summary + "\n" + top);
        }
    }

    @Test
    void exitStatusesAreInTheTopLevelHelpAndTheirOwnTopicOnly() {
        String top = CliRun.run(null, "--help").out;
        CliRun topic = CliRun.run(null, "help", "exit-codes");
        assertEquals(0, topic.exitCode, topic::toString);
        for (String line : ExitCodes.HELP) {
            assertTrue(top.contains(line + "\n"), line);
            assertTrue(topic.out.contains(line + "\n"), line);
        }
        for (String command : new String[] {"enqueue", "status", "wait"}) {
            String help = CliRun.run(null, command, "--help").out;
            assertFalse(help.contains(ExitCodes.HELP[7]), command + " repeats the table:\n" + help);
            assertTrue(help.contains("queuectl help exit-codes"), help);
        }
        assertEquals(CliRun.run(null, "dlq", "retry", "--help").out, CliRun.run(null, "help", "dlq", "retry").out);
        assertEquals(2, CliRun.run(null, "help", "frobnicate").exitCode);
    }

    @Test
    void configHelpListsEveryKeyWithItsRangeAndDefault() {
        for (String sub : new String[] {"get", "set"}) {
            String help = CliRun.run(null, "config", sub, "--help").out;
            String flat = help.replaceAll("\\s+", " ");
            for (RuntimeKey k : RuntimeKey.values()) {
                assertTrue(help.contains("  " + k.key() + " "), k.key() + " in config " + sub + " --help:\n" + help);
                assertTrue(flat.contains(k.range() + "; default " + k.defaultText()), k.key() + ":\n" + help);
            }
        }
    }

    @Test
    void theReadmeGivesTheSameRangesAsTheBuild() throws java.io.IOException {
        Path root = Path.of(System.getProperty("queuectl.root", "..")).toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        for (RuntimeKey k : RuntimeKey.values()) {
            String row = readme.lines().filter(l -> l.startsWith("| `" + k.key() + "` |")).findFirst().orElse("");
            assertTrue(row.contains("| " + k.defaultText() + " |") && row.contains(k.range()), k.key() + ": " + row);
        }
        for (DurationRule rule : new DurationRule[] {TimeRules.JOB_TIMEOUT, TimeRules.JOB_TIMEOUT_SETTING,
                TimeRules.DELAY, TimeRules.WAIT_TIMEOUT, TimeRules.DRAIN_TIMEOUT, TimeRules.PRUNE_AGE,
                TimeRules.BACKOFF_MAX, TimeRules.RETENTION, TimeRules.KILL_GRACE}) {
            assertTrue(readme.contains("| " + rule.range() + " |"), "README's durations table: " + rule.range());
        }
        assertTrue(readme.contains(TimeRules.RUN_AT_RANGE.replace("Z to ", "Z to\n").split("\n")[0]));
        assertFalse(readme.contains("An id is never reused"), "ids are unique among existing jobs only");
    }

    @Test
    void theDurationsTopicGivesEveryRange() {
        CliRun r = CliRun.run(null, "help", "durations");
        assertEquals(0, r.exitCode, r::toString);
        for (DurationRule rule : new DurationRule[] {TimeRules.JOB_TIMEOUT, TimeRules.JOB_TIMEOUT_SETTING,
                TimeRules.DELAY, TimeRules.WAIT_TIMEOUT, TimeRules.DRAIN_TIMEOUT, TimeRules.PRUNE_AGE,
                TimeRules.BACKOFF_MAX, TimeRules.RETENTION, TimeRules.KILL_GRACE}) {
            assertTrue(r.out.contains(rule.range()), rule.range() + "\n" + r.out);
        }
        assertTrue(r.out.contains(TimeRules.RUN_AT_RANGE), r.out);
        assertTrue(r.out.contains("The smallest unit is 1ms"), r.out);
    }
}

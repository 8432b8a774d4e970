package dev.queuectl.client.command;

import dev.queuectl.client.CommandFailure;
import dev.queuectl.protocol.JobFilter;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.Labels;
import dev.queuectl.protocol.ProtocolException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The filter options {@code list} and the bulk actions share: {@code --state} (repeatable),
 * {@code --label} (repeatable, all must hold), {@code --search}, {@code --since}, {@code --until}.
 * Declared on a command's model when it is built; read after parsing.
 */
final class FilterOptions {
    private final OptionSpec state;
    private final OptionSpec label;
    private final OptionSpec search;
    private final OptionSpec since;
    private final OptionSpec until;

    /** Declares the options on {@code command}; {@code withState} false leaves --state out (the DLQ's commands). */
    FilterOptions(BaseCommand command, boolean withState) {
        this.state = withState ? command.repeatable("STATE",
                "Only jobs in this state (repeatable: any of them): pending, processing, completed, failed, dead.",
                "--state") : null;
        this.label = command.repeatable("KEY[=VALUE]",
                "Only jobs with this label (repeatable: all of them); KEY alone matches any value.", "--label");
        this.search = command.option("TEXT", String.class,
                "Only jobs whose id or command contains TEXT (ASCII case ignored).", "--search");
        this.since = command.option("TIME", String.class,
                "Only jobs created at or after TIME (2026-11-23T10:00:00Z, 2026-11-23 10:00) or that long ago (2h).",
                "--since");
        this.until = command.option("TIME", String.class, "Only jobs created before TIME, or that long ago.",
                "--until");
    }

    private static JobState parseState(String s) {
        try {
            return JobState.parse(s);
        } catch (ProtocolException e) {
            throw CommandFailure.usage("--state: " + e.getMessage());
        }
    }

    /** Whether any filter option was given. */
    boolean given() {
        return state != null && state.getValue() != null || label.getValue() != null || search.getValue() != null
                || since.getValue() != null || until.getValue() != null;
    }

    /** The filter the options describe (every job when none was given). */
    JobFilter filter(Instant now, java.time.ZoneId zone) {
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        List<String> names = state == null ? null : state.getValue();
        try {
            if (names != null) {
                for (String s : names) {
                    states.add(parseState(s));
                }
            }
            List<String> labels = label.getValue();
            if (labels != null) {
                for (String l : labels) {
                    Labels.parseMatch("--label", l);
                }
            }
            String from = since.getValue();
            String to = until.getValue();
            return new JobFilter(states, label.getValue(), search.getValue(),
                    from == null ? null : TimeArgs.timeOrAgo("--since", from, now, zone),
                    to == null ? null : TimeArgs.timeOrAgo("--until", to, now, zone));
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }
}

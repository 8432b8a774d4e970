package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.JobRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.DurationRule;
import dev.queuectl.protocol.EnvVars;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.Labels;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.TimeRules;
import dev.queuectl.protocol.request.EditRequest;
import dev.queuectl.protocol.result.JobView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl edit ID [changes]}: changes a pending or failed job in one step. */
public final class EditCommand extends DaemonCommand {
    private final PositionalParamSpec id = parameter("0", "ID", "1", "The job's id.");
    private final OptionSpec command = option("COMMAND", String.class, "The new shell command.", "--command");
    private final OptionSpec priority = option("P", Integer.class, "The new priority (higher runs first).",
            "--priority");
    private final OptionSpec runAt = option("TIME", String.class,
            "Run no sooner than TIME (2026-11-23T10:00:00Z, or a local 2026-11-23 10:00).", "--run-at");
    private final OptionSpec delay = option("DURATION", String.class,
            "Run no sooner than this from now: " + TimeRules.DELAY.range() + " (30s, 5m).", "--delay");
    private final OptionSpec timeout = option("DURATION", String.class,
            "The new limit of each run: " + TimeRules.JOB_TIMEOUT.range() + ".", "--timeout");
    private final OptionSpec noTimeout = flag("Use the daemon's job_timeout again.", "--no-timeout");
    private final OptionSpec maxRetries = option("N", Integer.class, "The new number of retries after the first run.",
            "--max-retries");
    private final JobOptions jobOptions = new JobOptions(this, false,
            "Run the job in DIR from now on (a relative DIR is taken from this shell's directory).");
    private final OptionSpec noCwd = flag("Run the job in the daemon user's home directory.", "--no-cwd");
    private final OptionSpec unsetEnv = repeatable("KEY", "Remove a variable (repeatable).", "--unset-env");
    private final OptionSpec unlabel = repeatable("KEY", "Remove a label (repeatable).", "--unlabel");

    public EditCommand(ClientContext context) {
        super(context, "edit",
                "Change a pending or failed job in one step.",
                "Give at least one change; a held job stays held. A running job cannot be edited (cancel it, or"
                        + " wait for its run to end); a completed or dead one runs again with queuectl rerun. --env"
                        + " and --label add to what the job has.");
    }

    @Override
    protected int run(SocketClient client) {
        EditRequest request = request();
        Object result = request(client, request);
        if (json()) {
            return printJson(result);
        }
        out().println("edited " + request.id());
        JobRenderer.detail(JobView.fromJson(result), context.clock().instant(), display(), out());
        return ExitCodes.OK;
    }

    private EditRequest request() {
        Set<String> unset = new HashSet<>();
        if ((Boolean) noTimeout.getValue()) {
            unset.add("timeout");
        }
        if ((Boolean) noCwd.getValue()) {
            unset.add("cwd");
        }
        String at = runAt.getValue();
        Instant when = at == null ? null : TimeArgs.absolute(at, context.displayZone());
        if (at != null && when == null) {
            throw CommandFailure.usage("--run-at: '" + at + "' is not a time (2026-11-23T10:00:00Z, 2026-11-23 10:00)");
        }
        if (at != null && delay.getValue() != null) {
            throw CommandFailure.usage("give either --delay or --run-at, not both");
        }
        if (jobOptions.given() || unset.size() > 0 || given(unsetEnv) || given(unlabel) || command.getValue() != null
                || priority.getValue() != null || at != null || delay.getValue() != null || timeout.getValue() != null
                || maxRetries.getValue() != null) {
            try {
                Map<String, String> env = jobOptions.env(context);
                if (when != null) {
                    TimeRules.checkRunAt("--run-at", when);
                }
                Integer retries = maxRetries.getValue();
                if (retries != null) {
                    JobSpec.checkMaxRetries("--max-retries", retries);
                }
                return new EditRequest(id.getValue(), command.getValue(), priority.getValue(), when,
                        duration(TimeRules.DELAY, "--delay", delay), duration(TimeRules.JOB_TIMEOUT, "--timeout", timeout),
                        retries,
                        jobOptions.cwd(context), jobOptions.labels(), names(unlabel, true), env,
                        names(unsetEnv, false), unset);
            } catch (ProtocolException e) {
                throw CommandFailure.usage(e.getMessage());
            }
        }
        throw CommandFailure.usage("what should change? give at least one of --command, --priority, --run-at,"
                + " --delay, --timeout, --no-timeout, --max-retries, --cwd, --no-cwd, --env, --env-file, --unset-env,"
                + " --label, --unlabel");
    }

    private static boolean given(OptionSpec o) {
        return o.getValue() != null;
    }

    private static Duration duration(DurationRule rule, String option, OptionSpec o) {
        String text = o.getValue();
        return text == null ? null : rule.parse(option, text);
    }

    private static List<String> names(OptionSpec o, boolean labels) {
        List<String> given = o.getValue();
        if (given == null) {
            return null;
        }
        for (String n : given) {
            if (labels) {
                Labels.checkKey("--unlabel", n);
            } else {
                EnvVars.checkName("--unset-env", n);
            }
        }
        return new ArrayList<>(given);
    }
}

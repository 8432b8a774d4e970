package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.TimeRules;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.json.JsonSyntaxException;
import dev.queuectl.protocol.request.EnqueueRequest;
import dev.queuectl.protocol.result.EnqueueResult;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code queuectl enqueue}: one job from arguments or a JSON object, or many from a JSON-lines
 * file. Arguments after {@code --} are always a command; a lone argument before any {@code --}
 * that starts with <code>{</code> is a JSON job.
 */
public final class EnqueueCommand extends DaemonCommand {
    private final OptionSpec idOption = option("ID", String.class,
            "Job id: 1-128 of A-Z a-z 0-9 . _ : - (default: a number).", "--id");

    private final OptionSpec maxRetries = option("N", Integer.class,
            "Retries after the first run, 0-" + JobSpec.MAX_RETRIES_LIMIT + " (default: the daemon's max_retries).",
            "--max-retries");

    private final OptionSpec priority = option("P", Integer.class, "Higher runs first (default 0).", "--priority");

    private final OptionSpec delay = option("DURATION", String.class,
            "Start no sooner than this from now: " + TimeRules.DELAY.range() + " (30s, 5m, 1h).", "--delay");

    private final OptionSpec runAt = option("TIME", String.class,
            "Start no sooner than TIME: 2026-11-23T10:00:00Z, or a local time such as 2026-11-23T10:00.",
            "--run-at");

    private final OptionSpec timeout = option("DURATION", String.class,
            "Limit of each run: " + TimeRules.JOB_TIMEOUT.range() + " (default: the daemon's job_timeout).",
            "--timeout");

    private final OptionSpec file = option("FILE", String.class, "Enqueue every JSON line of FILE (- for stdin).",
            "-f", "--file");

    private final JobOptions jobOptions = new JobOptions(this, true,
            "Run the job in DIR (default: this shell's directory; a relative DIR is taken from here).");

    private final OptionSpec ifAbsent = flag("With --id: if a job with that id exists, print its id and state and"
            + " exit 0 instead of failing (for scripts that may enqueue twice).", "--if-absent");

    private final PositionalParamSpec commandParameter = remainingParameters("COMMAND", "The command, or a JSON job.");

    public EnqueueCommand(ClientContext context) {
        super(context, "enqueue",
                "Add a job. Prints the job's id.",
                "",
                "  queuectl enqueue [OPTIONS] -- CMD [ARGS...]  several arguments: this argv",
                "  queuectl enqueue [OPTIONS] -- 'SHELL CMD'    one argument: sh -c as written",
                "  queuectl enqueue [OPTIONS] 'SHELL CMD'       the same, without --",
                "  queuectl enqueue '{\"command\":\"...\", ...}'    a JSON job: id, command,",
                "                                 max_retries, priority, run_at, delay, timeout,",
                "                                 cwd, env, labels",
                "  queuectl enqueue --file jobs.jsonl           one JSON job per line (-: stdin);",
                "                                               nothing is sent if a line is bad",
                "",
                "Everything after -- is a command, never JSON: a command that starts with {",
                "goes after --, as in: queuectl enqueue -- '{ echo a; echo b; } > /tmp/f'",
                "Durations and times: see queuectl help durations.",
                "",
                "A job runs in this shell's directory (--cwd DIR for another) with the daemon's environment plus"
                        + " what --env, --env-file and --inherit-env give it. A JSON job runs where its \"cwd\" says,"
                        + " else in the daemon user's home: a file of jobs means the same wherever it is enqueued"
                        + " from.");
    }

    @Override
    protected int run(SocketClient client) {
        String file = this.file.getValue();
        if (file != null) {
            List<String> command = commandParameter.getValue();
            if (command != null && !command.isEmpty() || hasJobOptions() || (Boolean) ifAbsent.getValue()) {
                throw CommandFailure.usage("--file takes the jobs from the file; give no command or job options with it");
            }
            return new BulkEnqueue(client, out(), err(), json(), context.stdin()).run(file);
        }
        JobSpec spec = jobSpec();
        boolean onlyIfAbsent = ifAbsent.getValue();
        if (onlyIfAbsent && spec.id() == null) {
            throw CommandFailure.usage("--if-absent needs --id (or an \"id\" in the JSON job): without one every job"
                    + " is new");
        }
        Object result = request(client, new EnqueueRequest(spec, onlyIfAbsent));
        if (json()) {
            return printJson(result);
        }
        EnqueueResult r = EnqueueResult.fromJson(result);
        out().println(r.existed() ? r.job().id() + " already exists (" + r.job().state().wireName() + ")"
                : r.job().id());
        return ExitCodes.OK;
    }

    private boolean hasJobOptions() {
        return idOption.getValue() != null || maxRetries.getValue() != null || priority.getValue() != null
                || delay.getValue() != null || runAt.getValue() != null || timeout.getValue() != null
                || jobOptions.given();
    }

    /** True when the command's arguments came after "--" (then they are a command, whatever they look like). */
    private boolean afterDoubleDash(List<String> command) {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int before = args.size() - command.size() - 1;
        return before >= 0 && args.get(before).equals("--");
    }

    JobSpec jobSpec() {
        List<String> command = commandParameter.getValue();
        if (command == null || command.isEmpty()) {
            throw CommandFailure.usage("what should the job run? (queuectl enqueue -- CMD [ARGS...])");
        }
        if (command.size() == 1 && command.get(0).strip().startsWith("{") && !afterDoubleDash(command)) {
            if (hasJobOptions()) {
                throw CommandFailure.usage("give the job either as JSON or with options, not both"
                        + " (a command that starts with { goes after --)");
            }
            try {
                return JobSpec.fromJson(Fields.of(parseJson(command.get(0)), "job"));
            } catch (ProtocolException e) {
                throw CommandFailure.usage(e.getMessage() + " (a shell command that starts with { goes after --:"
                        + " queuectl enqueue -- '{ ...; }')");
            }
        }
        String shell = command.size() == 1 ? command.get(0) : ShellQuoting.join(command);
        String runAtText = runAt.getValue();
        String delayText = delay.getValue();
        String timeoutText = timeout.getValue();
        if (runAtText != null && delayText != null) {
            throw CommandFailure.usage("give either --delay or --run-at, not both");
        }
        Integer retries = maxRetries.getValue();
        Instant at;
        Duration after;
        Duration limit;
        try {
            if (retries != null) {
                JobSpec.checkMaxRetries("--max-retries", retries);
            }
            at = runAtText == null ? null : TimeRules.checkRunAt("--run-at", parseRunAt(runAtText));
            after = delayText == null ? null : TimeRules.DELAY.parse("--delay", delayText);
            limit = timeoutText == null ? null : TimeRules.JOB_TIMEOUT.parse("--timeout", timeoutText);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        try {
            if (idOption.getValue() != null) {
                JobSpec.validateId(idOption.getValue());
            }
            JobSpec.checkCommand("the command", shell);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        String cwd = jobOptions.cwd(context);
        return new JobSpec(idOption.getValue(), shell, retries, priority.getValue(), at, after, limit,
                cwd != null ? cwd : context.cwd().toString(), jobOptions.env(context), jobOptions.labels());
    }

    static Object parseJson(String text) {
        try {
            return Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw ProtocolException.invalid("the job is not valid JSON: " + e.getMessage());
        }
    }

    private Instant parseRunAt(String text) {
        try {
            return Timestamps.parse(text);
        } catch (IllegalArgumentException e) {
            try {
                return LocalDateTime.parse(text.trim().replace(' ', 'T')).atZone(context.displayZone()).toInstant();
            } catch (DateTimeException e2) {
                throw ProtocolException.invalid("--run-at: '" + text
                        + "' is not a time (use 2026-11-23T10:00:00Z, or a local time like 2026-11-23T10:00)");
            }
        }
    }
}

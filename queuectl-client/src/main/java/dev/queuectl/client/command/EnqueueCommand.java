package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.json.JsonSyntaxException;
import dev.queuectl.protocol.request.EnqueueRequest;
import dev.queuectl.protocol.result.EnqueueResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl enqueue}: one job from arguments or a JSON object, or many from a JSON-lines file. */
public final class EnqueueCommand extends DaemonCommand {
    private final OptionSpec idOption = option("ID", String.class,
            "Job id: 1-128 of A-Z a-z 0-9 . _ : - (default: a number).", "--id");

    private final OptionSpec maxRetries = option("N", Integer.class,
            "Retries after the first run (default: the daemon's max_retries).", "--max-retries");

    private final OptionSpec priority = option("P", Integer.class, "Higher runs first (default 0).", "--priority");

    private final OptionSpec delay = option("DURATION", String.class,
            "Start no sooner than this from now (30s, 5m, 1h).", "--delay");

    private final OptionSpec runAt = option("TIME", String.class,
            "Start no sooner than TIME: 2026-11-23T10:00:00Z, or local time 2026-11-23T10:00.", "--run-at");

    private final OptionSpec timeout = option("DURATION", String.class,
            "Limit of each run (default: the daemon's job_timeout).", "--timeout");

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
                "  queuectl enqueue [OPTIONS] -- CMD [ARGS...]   several arguments: run exactly this argv",
                "  queuectl enqueue [OPTIONS] 'SHELL COMMAND'     one argument: run as written by /bin/sh -c",
                "  queuectl enqueue '{\"command\":\"...\", ...}'     a JSON job: id, command, max_retries, priority,",
                "                                                 run_at, delay, timeout (only command is required)",
                "  queuectl enqueue --file jobs.jsonl            one JSON job per line (- reads stdin); the file is",
                "                                                 checked first, and nothing is sent if a line is bad",
                "",
                "A job runs in this shell's directory (--cwd DIR for another) with the daemon's environment plus",
                "what --env, --env-file and --inherit-env give it. A JSON job runs where its \"cwd\" says, else in",
                "the daemon user's home: a file of jobs means the same wherever it is enqueued from.");
    }

    @Override
    protected int run(SocketClient client) {
        String file = this.file.getValue();
        if (file != null) {
            List<String> command = commandParameter.getValue();
            if (command != null && !command.isEmpty() || hasJobOptions() || (Boolean) ifAbsent.getValue()) {
                throw usage("--file takes the jobs from the file; give no command or job options with it");
            }
            return new BulkEnqueue(client, out(), err(), json(), context.stdin()).run(file);
        }
        JobSpec spec = jobSpec();
        boolean onlyIfAbsent = ifAbsent.getValue();
        if (onlyIfAbsent && spec.id() == null) {
            throw usage("--if-absent needs --id (or an \"id\" in the JSON job): without one every job is new");
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

    JobSpec jobSpec() {
        List<String> command = commandParameter.getValue();
        if (command == null || command.isEmpty()) {
            throw usage("what should the job run? (queuectl enqueue -- CMD [ARGS...])");
        }
        try {
            if (command.size() == 1 && command.get(0).strip().startsWith("{")) {
                if (hasJobOptions()) {
                    throw usage("give the job either as JSON or with options, not both");
                }
                return JobSpec.fromJson(Fields.of(parseJson(command.get(0)), "job"));
            }
            String shell = command.size() == 1 ? command.get(0) : ShellQuoting.join(command);
            String runAt = this.runAt.getValue();
            String delay = this.delay.getValue();
            String timeout = this.timeout.getValue();
            String cwd = jobOptions.cwd(context);
            return new JobSpec(idOption.getValue(), shell, maxRetries.getValue(), priority.getValue(),
                    runAt == null ? null : parseRunAt(runAt),
                    delay == null ? null : parseDuration("--delay", delay),
                    timeout == null ? null : parseDuration("--timeout", timeout),
                    cwd != null ? cwd : context.cwd().toString(), jobOptions.env(context), jobOptions.labels());
        } catch (ProtocolException e) {
            throw usage(e.getMessage());
        }
    }

    static Object parseJson(String text) {
        try {
            return Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw ProtocolException.invalid("the job is not valid JSON: " + e.getMessage());
        }
    }

    private static Duration parseDuration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProtocolException.invalid(option + ": " + e.getMessage());
        }
    }

    private Instant parseRunAt(String text) {
        try {
            return Timestamps.parse(text);
        } catch (IllegalArgumentException e) {
            try {
                return LocalDateTime.parse(text.trim().replace(' ', 'T')).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProtocolException.invalid("--run-at: '" + text
                        + "' is not a time (use 2026-11-23T10:00:00Z, or a local time like 2026-11-23T10:00)");
            }
        }
    }

    static CommandFailure usage(String message) {
        return new CommandFailure(ExitCodes.USAGE, message);
    }
}

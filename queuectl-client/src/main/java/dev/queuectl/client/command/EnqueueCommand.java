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
import dev.queuectl.protocol.result.JobView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuectl enqueue}: one job from arguments or a JSON object, or many from a JSON-lines file. */
@Command(name = "enqueue", usageHelpAutoWidth = true,
        description = {
            "Add a job. Prints the job's id.",
            "",
            "  queuectl enqueue [OPTIONS] -- CMD [ARGS...]   several arguments: run exactly this argv",
            "  queuectl enqueue [OPTIONS] 'SHELL COMMAND'     one argument: run as written by /bin/sh -c",
            "  queuectl enqueue '{\"command\":\"...\", ...}'     a JSON job: id, command, max_retries, priority,",
            "                                                 run_at, delay, timeout (only command is required)",
            "  queuectl enqueue --file jobs.jsonl            one JSON job per line (- reads stdin); the file is",
            "                                                 checked first, and nothing is sent if a line is bad",
        })
public final class EnqueueCommand extends DaemonCommand {
    @Option(names = "--id", paramLabel = "ID", description = "Job id: 1-128 of A-Z a-z 0-9 . _ : - (default: a number).")
    String id;

    @Option(names = "--max-retries", paramLabel = "N", description = "Retries after the first run (default: the daemon's max_retries).")
    Integer maxRetries;

    @Option(names = "--priority", paramLabel = "P", description = "Higher runs first (default 0).")
    Integer priority;

    @Option(names = "--delay", paramLabel = "DURATION", description = "Start no sooner than this from now (30s, 5m, 1h).")
    String delay;

    @Option(names = "--run-at", paramLabel = "TIME",
            description = "Start no sooner than TIME: 2026-11-23T10:00:00Z, or local time 2026-11-23T10:00.")
    String runAt;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Limit of each run (default: the daemon's job_timeout).")
    String timeout;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Enqueue every JSON line of FILE (- for stdin).")
    String file;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, or a JSON job.")
    List<String> command;

    public EnqueueCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        if (file != null) {
            if (command != null && !command.isEmpty() || hasJobOptions()) {
                throw usage("--file takes the jobs from the file; give no command or job options with it");
            }
            return new BulkEnqueue(client, out(), err(), json(), context.stdin()).run(file);
        }
        Object result = request(client, new EnqueueRequest(spec()));
        if (json()) {
            return printJson(result);
        }
        out().println(JobView.fromJson(result).id());
        return ExitCodes.OK;
    }

    private boolean hasJobOptions() {
        return id != null || maxRetries != null || priority != null || delay != null || runAt != null || timeout != null;
    }

    JobSpec spec() {
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
            return new JobSpec(id, shell, maxRetries, priority, runAt == null ? null : parseRunAt(runAt),
                    delay == null ? null : parseDuration("--delay", delay),
                    timeout == null ? null : parseDuration("--timeout", timeout));
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

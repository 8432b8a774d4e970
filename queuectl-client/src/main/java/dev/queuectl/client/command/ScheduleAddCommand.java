package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.ScheduleSpec;
import dev.queuectl.protocol.TimeRules;
import dev.queuectl.protocol.request.ScheduleAddRequest;
import dev.queuectl.protocol.result.ScheduleView;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl schedule add NAME (--cron EXPR [--tz ZONE] | --every DURATION) [job options] -- COMMAND}. */
public final class ScheduleAddCommand extends DaemonCommand {
    private final PositionalParamSpec name = parameter("0", "NAME", "1",
            "The schedule: 1-64 of A-Z a-z 0-9 . _ : -; its jobs are NAME@<fire time>.");
    private final OptionSpec cron = option("EXPR", String.class, "5-field cron expression (minute hour day month"
            + " weekday), or @hourly, @daily, @weekly, @monthly, @yearly.", "--cron");
    private final OptionSpec tz = option("ZONE", String.class, "Time zone of --cron, such as Europe/Berlin"
            + " (default: the daemon's).", "--tz");
    private final OptionSpec every = option("DURATION", String.class, "Fire every DURATION instead (whole seconds:"
            + " 30s, 5m, 1h).", "--every");
    private final OptionSpec queue = option("NAME", String.class, "Queue of its jobs (default: default).", "--queue");
    private final OptionSpec priority = option("P", Integer.class, "Priority of its jobs (default 0).", "--priority");
    private final OptionSpec timeout = option("DURATION", String.class, "Limit of each run (default: the queue's,"
            + " else job_timeout).", "--timeout");
    private final OptionSpec maxRetries = option("N", Integer.class, "Retries of each job (default: the queue's,"
            + " else max_retries).", "--max-retries");
    private final JobOptions jobOptions = new JobOptions(this, true,
            "Run its jobs in DIR (default: this shell's directory).");
    private final OptionSpec catchUp = option("RULE", String.class, "After downtime: one (a catch-up firing,"
            + " the default) or none.", "--catch-up");
    private final OptionSpec overlap = option("RULE", String.class, "While the last firing's job has not"
            + " finished: skip the firing (the default) or queue it anyway.", "--overlap");
    private final PositionalParamSpec command = PositionalParamSpec.builder().index("1..*").paramLabel("COMMAND")
            .arity("0..*").type(List.class).auxiliaryTypes(String.class).description("The command each firing runs.")
            .build();

    public ScheduleAddCommand(ClientContext context) {
        super(context, "add", "Create a schedule that enqueues a job at each fire time.",
                "Each firing is a job like any other: retries, timeout, logs and the dead-letter queue apply.");
        spec.addPositional(command);
    }

    @Override
    protected int run(SocketClient client) {
        List<String> words = command.getValue();
        if (words == null || words.isEmpty()) {
            throw CommandFailure.usage("what should each firing run? (queuectl schedule add NAME --every 1h -- CMD)");
        }
        String shell = words.size() == 1 ? words.get(0) : ShellQuoting.join(words);
        ScheduleSpec s;
        try {
            Duration interval = every.getValue() == null ? null
                    : ScheduleSpec.EVERY.parse("--every", (String) every.getValue());
            Duration limit = timeout.getValue() == null ? null
                    : TimeRules.JOB_TIMEOUT.parse("--timeout", (String) timeout.getValue());
            String cwd = jobOptions.cwd(context);
            JobSpec job = new JobSpec(null, shell, maxRetries.getValue(), priority.getValue(), null, null, limit,
                    cwd != null ? cwd : context.cwd().toString(), jobOptions.env(context), jobOptions.labels(),
                    queue.getValue(), null);
            s = new ScheduleSpec(name.getValue(), cron.getValue(), tz.getValue(), interval, job,
                    !"none".equals(choice("--catch-up", catchUp.getValue(), "one", "none")),
                    !"queue".equals(choice("--overlap", overlap.getValue(), "skip", "queue")));
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage().replace("give a schedule either 'cron' or 'every'",
                    "give either --cron or --every").replace("'tz' goes with 'cron'", "--tz goes with --cron")
                    .replace("field 'queue'", "--queue").replace("field 'max_retries'", "--max-retries"));
        }
        Object result = request(client, new ScheduleAddRequest(s));
        if (json()) {
            return printJson(result);
        }
        ScheduleView v = ScheduleView.fromJson(result);
        out().println(v.name() + ": next fire " + display().time(v.nextFire()));
        return ExitCodes.OK;
    }

    private static String choice(String option, Object value, String a, String b) {
        if (value == null || a.equals(value) || b.equals(value)) {
            return (String) value;
        }
        throw CommandFailure.usage(option + " must be " + a + " or " + b + ", not '" + value + "'");
    }
}

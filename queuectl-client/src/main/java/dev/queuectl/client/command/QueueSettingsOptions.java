package dev.queuectl.client.command;

import dev.queuectl.client.CommandFailure;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.QueueSettings;
import dev.queuectl.protocol.TimeRules;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A queue's settings as options, for {@code queue add} and {@code queue set}: {@code --concurrency
 * N|unlimited}, {@code --max-retries N|default}, {@code --timeout DURATION|default}. Checked here
 * with the protocol's rules before anything is sent.
 */
final class QueueSettingsOptions {
    private final OptionSpec concurrency;
    private final OptionSpec maxRetries;
    private final OptionSpec timeout;

    QueueSettingsOptions(BaseCommand command) {
        this.concurrency = command.option("N", String.class, "Run at most N of its jobs at once, 1-"
                + QueueSettings.MAX_CONCURRENCY + " (unlimited: no limit but the pool's workers).", "--concurrency");
        this.maxRetries = command.option("N", String.class, "max_retries of its jobs enqueued without their own, 0-"
                + JobSpec.MAX_RETRIES_LIMIT + " (default: the daemon's max_retries).", "--max-retries");
        this.timeout = command.option("DURATION", String.class, "Timeout of its jobs enqueued without their own, "
                + TimeRules.JOB_TIMEOUT.range() + " (default: the daemon's job_timeout).", "--timeout");
    }

    boolean given() {
        return concurrency.getValue() != null || maxRetries.getValue() != null || timeout.getValue() != null;
    }

    QueueSettings settings() {
        Set<QueueSettings.Setting> reset = EnumSet.noneOf(QueueSettings.Setting.class);
        String c = concurrency.getValue();
        String r = maxRetries.getValue();
        String t = timeout.getValue();
        try {
            Integer n = null;
            if ("unlimited".equals(c)) {
                reset.add(QueueSettings.Setting.CONCURRENCY);
            } else if (c != null) {
                n = number("--concurrency", c, "a number or unlimited");
            }
            Integer retries = null;
            if ("default".equals(r)) {
                reset.add(QueueSettings.Setting.MAX_RETRIES);
            } else if (r != null) {
                retries = JobSpec.checkMaxRetries("--max-retries", number("--max-retries", r, "a number or default"));
            }
            Duration limit = null;
            if ("default".equals(t)) {
                reset.add(QueueSettings.Setting.TIMEOUT);
            } else if (t != null) {
                limit = TimeRules.JOB_TIMEOUT.parse("--timeout", t);
            }
            return new QueueSettings(n, retries, limit, reset);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage().replace("a queue's concurrency", "--concurrency"));
        }
    }

    private static int number(String option, String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw CommandFailure.usage(option + " must be " + what + ", not '" + text + "'");
        }
    }
}

package dev.queuectl.client.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code queuectl dlq}: the dead-letter queue. */
@Command(name = "dlq", usageHelpAutoWidth = true,
        description = "The dead-letter queue: jobs that failed max_retries + 1 times, or were cancelled.")
public final class DlqCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "which dlq command? (for example: queuectl dlq list)");
    }
}

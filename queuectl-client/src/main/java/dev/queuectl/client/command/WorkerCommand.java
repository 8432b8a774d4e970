package dev.queuectl.client.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code queuectl worker}: the worker pool switch. */
@Command(name = "worker", usageHelpAutoWidth = true,
        description = {"Start or stop taking jobs. Stopping lets running jobs finish; the daemon keeps serving.",
            "The setting is stored: a stopped pool stays stopped across restarts."})
public final class WorkerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "which worker command? (start or stop)");
    }
}

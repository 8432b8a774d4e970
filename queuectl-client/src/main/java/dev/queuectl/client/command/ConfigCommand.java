package dev.queuectl.client.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code queuectl config}: the daemon's runtime settings. */
@Command(name = "config", usageHelpAutoWidth = true,
        description = {"Read or change the daemon's runtime settings; changes are stored and survive restarts.",
            "Keys: max_retries, backoff_base, backoff_max, job_timeout, workers, keep_completed, keep_dead",
            "(max-retries etc. work too)."})
public final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "which config command? (get, set or show)");
    }
}

package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.ConfigSetRequest;
import dev.queuectl.protocol.result.ConfigEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code queuectl config set KEY VALUE}. */
@Command(name = "set", usageHelpAutoWidth = true,
        description = {"Change a setting. It is checked, stored, then applied; an invalid value changes nothing.",
            "",
            "  max_retries   retries after the first run, for new jobs without their own (0-1000)",
            "  backoff_base  retry n waits backoff_base^n seconds (1-1000, decimals allowed)",
            "  backoff_max   longest wait between retries (1s-30d: 3600, 90s, 1h)",
            "  job_timeout   limit of one run, for jobs without their own (1s-30d, or none)",
            "  workers       jobs run at once (1-256)",
            "  keep_completed  how long completed jobs are kept (1m-3650d, or none; default 7d)",
            "  keep_dead     how long dead jobs are kept (1m-3650d, or none; default none)"})
public final class ConfigSetCommand extends DaemonCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "The setting.")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "Its new value.")
    String value;

    public ConfigSetCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        Object result = request(client, new ConfigSetRequest(key, value));
        if (json()) {
            return printJson(result);
        }
        ConfigEntry e = ConfigEntry.fromJson(result);
        out().println(e.key() + " = " + e.text());
        return ExitCodes.OK;
    }
}

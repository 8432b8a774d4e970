package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.ConfigSetRequest;
import dev.queuectl.protocol.result.ConfigEntry;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl config set KEY VALUE}. */
public final class ConfigSetCommand extends DaemonCommand {
    private final PositionalParamSpec key = parameter("0", "KEY", "1", "The setting.");

    private final PositionalParamSpec value = parameter("1", "VALUE", "1", "Its new value.");

    public ConfigSetCommand(ClientContext context) {
        super(context, "set",
                "Change a setting. It is checked, stored, then applied; an invalid value changes nothing.",
                "",
                "  max_retries   retries after the first run, for new jobs without their own (0-1000)",
                "  backoff_base  retry n waits backoff_base^n seconds (1-1000, decimals allowed)",
                "  backoff_max   longest wait between retries (1s-30d: 3600, 90s, 1h)",
                "  job_timeout   limit of one run, for jobs without their own (1s-30d, or none)",
                "  workers       jobs run at once (1-256)",
                "  keep_completed  how long completed jobs are kept (1m-3650d, or none; default 7d)",
                "  keep_dead     how long dead jobs are kept (1m-3650d, or none; default none)");
    }

    @Override
    protected int run(SocketClient client) {
        Object result = request(client, new ConfigSetRequest(key.getValue(), value.getValue()));
        if (json()) {
            return printJson(result);
        }
        ConfigEntry e = ConfigEntry.fromJson(result);
        out().println(e.key() + " = " + e.text());
        return ExitCodes.OK;
    }
}

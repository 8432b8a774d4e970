package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.ConfigGetRequest;
import dev.queuectl.protocol.result.ConfigEntry;
import dev.queuectl.protocol.result.ConfigView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code queuectl config get [KEY]}. */
@Command(name = "get", usageHelpAutoWidth = true,
        description = "Print a setting's value, or every setting as key = value.")
public final class ConfigGetCommand extends DaemonCommand {
    @Parameters(paramLabel = "KEY", arity = "0..1", description = "max_retries, backoff_base, backoff_max, job_timeout or workers.")
    String key;

    public ConfigGetCommand(ClientContext context) {
        super(context);
    }

    @Override
    protected int run(SocketClient client) {
        Object result = request(client, new ConfigGetRequest(key));
        if (json()) {
            return printJson(result);
        }
        ConfigView view = ConfigView.fromJson(result);
        if (key != null) {
            out().println(view.entries().get(0).text());
        } else {
            for (ConfigEntry e : view.entries()) {
                out().println(e.key() + " = " + e.text());
            }
        }
        return ExitCodes.OK;
    }
}

package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.DisplayText;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.ConfigGetRequest;
import dev.queuectl.protocol.result.ConfigEntry;
import dev.queuectl.protocol.result.ConfigView;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl config get [KEY]}. */
public final class ConfigGetCommand extends DaemonCommand {
    private final PositionalParamSpec keyParameter = parameter("0", "KEY", "0..1", "One of the keys below.");

    public ConfigGetCommand(ClientContext context) {
        super(context, "get", ConfigKeysHelp.describe("Print a setting's value, or every setting as key = value."));
    }

    @Override
    protected int run(SocketClient client) {
        String key = keyParameter.getValue();
        Object result = request(client, new ConfigGetRequest(key));
        if (json()) {
            return printJson(result);
        }
        ConfigView view = ConfigView.fromJson(result);
        if (key != null) {
            out().println(DisplayText.escape(view.entries().get(0).text()));
        } else {
            for (ConfigEntry e : view.entries()) {
                out().println(DisplayText.escape(e.key()) + " = " + DisplayText.escape(e.text()));
            }
        }
        return ExitCodes.OK;
    }
}

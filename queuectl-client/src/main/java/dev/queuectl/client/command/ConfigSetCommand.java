package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.DisplayText;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.ConfigSetRequest;
import dev.queuectl.protocol.result.ConfigEntry;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl config set KEY VALUE}. */
public final class ConfigSetCommand extends DaemonCommand {
    private final PositionalParamSpec key = parameter("0", "KEY", "1", "One of the keys below.");

    private final PositionalParamSpec value = parameter("1", "VALUE", "1", "Its new value, in the key's range.");

    public ConfigSetCommand(ClientContext context) {
        super(context, "set", ConfigKeysHelp.describe("Change a setting; an invalid value changes nothing.",
                "The value is checked, stored, then applied."));
    }

    @Override
    protected int run(SocketClient client) {
        Object result = request(client, new ConfigSetRequest(key.getValue(), value.getValue()));
        if (json()) {
            return printJson(result);
        }
        ConfigEntry e = ConfigEntry.fromJson(result);
        out().println(DisplayText.escape(e.key()) + " = " + DisplayText.escape(e.text()));
        return ExitCodes.OK;
    }
}

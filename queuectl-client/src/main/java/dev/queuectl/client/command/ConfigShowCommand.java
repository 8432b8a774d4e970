package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.Table;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.ConfigGetRequest;
import dev.queuectl.protocol.result.ConfigEntry;
import dev.queuectl.protocol.result.ConfigView;

/** {@code queuectl config show}: every setting with its default and meaning. */
public final class ConfigShowCommand extends DaemonCommand {
    public ConfigShowCommand(ClientContext context) {
        super(context, "show", "Show every setting with its value, default and meaning.");
    }

    @Override
    protected int run(SocketClient client) {
        Object result = request(client, new ConfigGetRequest(null));
        if (json()) {
            return printJson(result);
        }
        Table t = new Table("KEY", "VALUE", "DEFAULT", "MEANING").shrinkable(3);
        for (ConfigEntry e : ConfigView.fromJson(result).entries()) {
            t.row(e.key(), e.text(), e.defaultText(), e.description());
        }
        t.print(out(), display().width());
        return ExitCodes.OK;
    }
}

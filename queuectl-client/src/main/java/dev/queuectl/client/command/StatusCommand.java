package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.StatusRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.StatusRequest;
import dev.queuectl.protocol.result.StatusView;

/** {@code queuectl status}: counts per state, the daemon, its workers. */
public final class StatusCommand extends DaemonCommand {
    public StatusCommand(ClientContext context) {
        super(context, "status",
                "Show job counts per state, the daemon and its workers.",
                "The daemon's version, pid, uptime, socket and data dir; each busy worker's job; how it keeps"
                        + " track of runs' processes (a cgroup per run, or the run marker); and whether its loops"
                        + " (dispatcher, store writer, workers, output guard, retention) are alive.");
    }

    @Override
    protected int run(SocketClient client) {
        Object result = request(client, new StatusRequest());
        if (json()) {
            return printJson(result);
        }
        StatusRenderer.print(StatusView.fromJson(result), display(), out());
        return ExitCodes.OK;
    }
}

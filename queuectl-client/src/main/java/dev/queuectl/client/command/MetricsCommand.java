package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.MetricsRequest;
import dev.queuectl.protocol.result.MetricsResult;

/** {@code queuectl metrics}: the Prometheus text, through the socket. */
public final class MetricsCommand extends DaemonCommand {
    public MetricsCommand(ClientContext context) {
        super(context, "metrics",
                "Print the daemon's metrics in the Prometheus text format.",
                "These are the queuectl_* counters, gauges and timers; the daemon can also serve them over HTTP"
                        + " (see its metrics-listen setting).");
    }

    @Override
    protected int run(SocketClient client) {
        Object result = request(client, new MetricsRequest());
        if (json()) {
            return printJson(result);
        }
        out().print(MetricsResult.fromJson(result).text());
        return ExitCodes.OK;
    }
}

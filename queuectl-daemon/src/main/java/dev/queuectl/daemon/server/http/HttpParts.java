package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.access.DashboardAccess;
import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.metrics.QueueMetrics;
import dev.queuectl.daemon.service.RequestHandler;
import java.time.Clock;

/**
 * What the HTTP listener uses of the daemon: the service (its only way to read or change
 * anything), the dashboard's tokens (null for a metrics-only listener), the event stream for live
 * events, the metrics it adds its own gauges to, and the clock.
 */
public record HttpParts(RequestHandler service, DashboardAccess access, EventBus events, QueueMetrics metrics,
                        Clock clock) {
}

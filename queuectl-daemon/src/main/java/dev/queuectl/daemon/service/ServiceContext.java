package dev.queuectl.daemon.service;

import dev.queuectl.daemon.access.DashboardAccess;
import dev.queuectl.daemon.config.RuntimeSettings;
import dev.queuectl.daemon.engine.DrainSummary;
import dev.queuectl.daemon.engine.Engine;
import dev.queuectl.daemon.engine.Retention;
import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.metrics.QueueMetrics;
import dev.queuectl.daemon.metrics.RunHistory;
import dev.queuectl.daemon.metrics.RunStats;
import dev.queuectl.daemon.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * What the operation handlers share: the daemon's parts, each thread-safe.
 *
 * @param timer    for handlers that wait a bounded time (wait, logs --follow)
 * @param history  run statistics over time, for charts
 * @param access   the web dashboard's tokens, or null when the HTTP listener is off
 * @param health   the daemon's loops, for {@code status}
 * @param shutdown begins the daemon's graceful stop with the given drain timeout (null: the configured one)
 */
public record ServiceContext(JobStore store, RuntimeSettings settings, Clock clock, DaemonIdentity identity,
                             Engine engine, EventBus events, OutputFiles outputs, Retention retention, Waiters waiters,
                             ScheduledExecutorService timer, QueueMetrics metrics, RunStats stats, Health health,
                             RunHistory history, DashboardAccess access,
                             Function<Duration, CompletableFuture<DrainSummary>> shutdown) {
}

package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.engine.process.Containment;
import dev.queuectl.daemon.engine.process.ProcessLauncher;
import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.store.JobStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * What an {@link Engine} is built from; the daemon creates each part and owns the executors.
 *
 * @param node    this daemon's node id, the owner of every run it claims
 * @param runtime the live runtime settings
 * @param timer   timers: time limits, the dispatcher's retries, output guards, retention
 * @param workers the threads that run jobs, one per busy worker slot
 * @param health  where the engine's loops report their turns and fatal failures
 * @param containment how runs' processes are kept track of (cgroups, or the run marker)
 */
public record EngineParts(JobStore store, Clock clock, EngineSettings settings, Supplier<RuntimeConfig> runtime,
                          ProcessLauncher launcher, OutputFiles outputs, EventBus events, String node,
                          ScheduledExecutorService timer, ExecutorService workers, Health health,
                          Containment containment) {
}

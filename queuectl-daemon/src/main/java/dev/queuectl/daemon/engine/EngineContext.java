package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.engine.process.Containment;
import dev.queuectl.daemon.engine.process.ProcessLauncher;
import dev.queuectl.daemon.engine.process.TreeTerminator;
import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.store.Cluster;
import dev.queuectl.daemon.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** What the engine's parts share. Immutable; its parts are thread-safe. */
final class EngineContext {
    final JobStore store;
    final Clock clock;
    final EngineSettings settings;
    final Supplier<RuntimeConfig> runtime;
    final ProcessLauncher launcher;
    final ScheduledExecutorService timer;
    final TreeTerminator terminator;
    final Containment containment;
    final OutputFiles outputs;
    final EventBus events;
    final Health health;
    /** This daemon's node id: the owner of every run it claims. */
    final String node;
    /** The daemons sharing the store. */
    final Cluster cluster;
    /** TERM to KILL when fenced: the kill grace, but at most a quarter of the lease. */
    final Duration fenceGrace;
    /** Why this node is fenced, while it is; null otherwise. */
    final AtomicReference<String> fenceReason = new AtomicReference<>();
    final String bootId;
    /** The daemon's environment minus queuectl's own variables; each run adds its own. */
    final List<String> baseEnvironment;

    EngineContext(EngineParts parts) {
        this.store = parts.store();
        this.clock = parts.clock();
        this.settings = parts.settings();
        this.runtime = parts.runtime();
        this.launcher = parts.launcher();
        this.timer = parts.timer();
        this.terminator = new TreeTerminator(timer, settings.killGrace());
        this.containment = parts.containment();
        this.outputs = parts.outputs();
        this.events = parts.events();
        this.health = parts.health();
        this.node = parts.node();
        this.cluster = store.cluster();
        Duration lease = cluster.lease();
        this.fenceGrace = lease == null || settings.killGrace().compareTo(lease.dividedBy(4)) < 0
                ? settings.killGrace() : lease.dividedBy(4);
        this.bootId = dev.queuectl.daemon.engine.process.ProcInfo.bootId();
        List<String> env = new ArrayList<>();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (!e.getKey().startsWith(QUEUECTL_PREFIX)) {
                env.add(e.getKey() + "=" + e.getValue());
            }
        }
        this.baseEnvironment = List.copyOf(env);
    }

    /**
     * The environment entry that marks every process of a run, so that a restarted daemon can
     * find survivors even if it died before recording the run's pid.
     */
    String runToken(long seq, int attempt) {
        return RUN_VARIABLE + "=" + runTokenValue(seq, attempt);
    }

    String runTokenValue(long seq, int attempt) {
        return settings.dataDir() + "#" + seq + "#" + attempt;
    }

    static final String RUN_VARIABLE = "QUEUECTL_RUN";
    /** queuectl's own variables: the daemon's are not passed on, and a job's cannot override a run's. */
    static final String QUEUECTL_PREFIX = "QUEUECTL_";
}

package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.store.JobStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/** What the engine's parts share. Immutable; its parts are thread-safe. */
final class EngineContext {
    final JobStore store;
    final Clock clock;
    final EngineSettings settings;
    final Supplier<RuntimeConfig> runtime;
    final ProcessLauncher launcher;
    final ScheduledExecutorService timer;
    final GroupTerminator terminator;
    final OutputFiles outputs;
    final RunListener listener;
    final String bootId;
    /** The daemon's environment minus queuectl's own variables; each run adds its own. */
    final List<String> baseEnvironment;

    EngineContext(JobStore store, Clock clock, EngineSettings settings, Supplier<RuntimeConfig> runtime,
                  ProcessLauncher launcher, ScheduledExecutorService timer, RunListener listener) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.runtime = runtime;
        this.launcher = launcher;
        this.timer = timer;
        this.terminator = new GroupTerminator(launcher, timer, settings.killGrace());
        this.outputs = new OutputFiles(settings.outputDir(), settings.outputLimitBytes(), launcher);
        this.listener = listener;
        this.bootId = ProcInfo.bootId();
        List<String> env = new ArrayList<>();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (!e.getKey().startsWith("QUEUECTL_")) {
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
}

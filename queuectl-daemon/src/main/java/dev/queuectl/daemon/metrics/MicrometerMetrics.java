package dev.queuectl.daemon.metrics;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.Transition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * {@link QueueMetrics} on a Micrometer Prometheus registry. Meter names follow Prometheus
 * conventions once rendered: {@code queuectl_jobs_enqueued_total}, {@code queuectl_jobs{state=...}},
 * {@code queuectl_run_duration_seconds}, ... (README, "Metrics", lists them all).
 */
final class MicrometerMetrics implements QueueMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter enqueued = counter("queuectl.jobs.enqueued", "Jobs enqueued.");
    private final Counter started = counter("queuectl.runs.started", "Runs started.");
    private final Counter completed = counter("queuectl.runs.completed", "Runs that exited 0.");
    private final Counter failed = counter("queuectl.runs.failed",
            "Runs that failed (non-zero exit, signal, timeout, could not start).");
    private final Counter timedOut = counter("queuectl.runs.timed.out", "Runs stopped by their time limit.");
    private final Counter interrupted = counter("queuectl.runs.interrupted",
            "Runs interrupted by a drain or a crash; they do not count as attempts.");
    private final Counter retried = counter("queuectl.jobs.retried", "Failed runs followed by a scheduled retry.");
    private final Counter dead = counter("queuectl.jobs.dead", "Jobs moved to the dead-letter queue (cancelled ones too).");
    private final Timer runDuration = Timer.builder("queuectl.run.duration")
            .description("How long runs took, from start to exit.").publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(24)).register(registry);
    private final Timer queueWait = Timer.builder("queuectl.queue.wait")
            .description("From when a job was due (enqueued, or its run_at) to its run's start.")
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofHours(24)).register(registry);
    private final Map<JobState, AtomicLong> jobs = new EnumMap<>(JobState.class);
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong configured = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();

    MicrometerMetrics() {
        for (JobState s : JobState.values()) {
            AtomicLong n = new AtomicLong();
            jobs.put(s, n);
            Gauge.builder("queuectl.jobs", n, AtomicLong::get).description("Jobs in each state.")
                    .tag("state", s.key()).register(registry);
        }
        Gauge.builder("queuectl.workers.busy", busy, AtomicLong::get).description("Workers running a job.")
                .register(registry);
        Gauge.builder("queuectl.workers.configured", configured, AtomicLong::get)
                .description("The pool size (the workers setting).").register(registry);
        Gauge.builder("queuectl.oldest.pending.age", oldestPendingMillis, m -> m.get() / 1000.0)
                .description("How long the oldest job that is due has waited for a worker.").baseUnit("seconds")
                .register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    @Override
    public void on(JobEvent event) {
        if (event instanceof JobEvent.Enqueued) {
            enqueued.increment(((JobEvent.Enqueued) event).count());
        } else if (event instanceof JobEvent.RunStarted) {
            started.increment();
            queueWait.record(((JobEvent.RunStarted) event).queueWait());
        } else if (event instanceof JobEvent.RunFinished) {
            JobEvent.RunFinished f = (JobEvent.RunFinished) event;
            runEnded(f.end(), f.ranFor());
        } else if (event instanceof JobEvent.StateChanged) {
            if (((JobEvent.StateChanged) event).state() == JobState.DEAD) {
                dead.increment();
            }
        } else if (event instanceof JobEvent.BulkChanged) {
            JobEvent.BulkChanged b = (JobEvent.BulkChanged) event;
            if (b.state() == JobState.DEAD) {
                dead.increment(b.count());
            }
        }
    }

    private void runEnded(RunEnd end, Duration ranFor) {
        runDuration.record(ranFor);
        switch (end.outcome()) {
            case COMPLETED:
                completed.increment();
                break;
            case TIMED_OUT:
                timedOut.increment();
                failed.increment();
                break;
            case FAILED:
                failed.increment();
                break;
            case INTERRUPTED:
                interrupted.increment();
                break;
            default:
                break;
        }
        if (end.transition() == Transition.RETRY_LATER) {
            retried.increment();
        }
    }

    @Override
    public void update(Gauges gauges) {
        gauges.jobs().forEach((state, n) -> jobs.get(state).set(n));
        busy.set(gauges.busyWorkers());
        configured.set(gauges.configuredWorkers());
        // A store row may say a job was due aeons ago: saturate rather than overflow.
        Duration age = gauges.oldestPendingAge();
        oldestPendingMillis.set(age.getSeconds() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : age.toMillis());
    }

    @Override
    public void gauge(String name, String description, java.util.function.IntSupplier value) {
        Gauge.builder(name, value, IntSupplier::getAsInt).description(description).strongReference(true)
                .register(registry);
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}

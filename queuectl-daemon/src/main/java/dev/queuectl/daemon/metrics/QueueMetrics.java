package dev.queuectl.daemon.metrics;

import dev.queuectl.daemon.event.JobEvent;
import java.time.Duration;

/**
 * What the daemon measures, behind a narrow interface: counters from the event stream
 * ({@link #on}), the state gauges from a {@link Gauges} snapshot taken just before each scrape,
 * and {@link #scrape()} renders everything in the Prometheus text format. Micrometer appears
 * only in the adapter. Thread-safe.
 */
public interface QueueMetrics {

    /** Values read from the store and the engine right before a scrape. */
    record Gauges(java.util.Map<dev.queuectl.daemon.job.JobState, Long> jobs, int busyWorkers, int configuredWorkers,
                  Duration oldestPendingAge) {
    }

    static QueueMetrics create() {
        return new MicrometerMetrics();
    }

    /** The event stream's subscriber: counts enqueues, runs and their outcomes. */
    void on(JobEvent event);

    void update(Gauges gauges);

    /**
     * Adds a gauge read at every scrape, for parts that count something of their own (the HTTP
     * listener's connections, say). {@code value} must be thread-safe and quick.
     */
    void gauge(String name, String description, java.util.function.IntSupplier value);

    /** Prometheus text exposition format 0.0.4. */
    String scrape();

    /** The content type of {@link #scrape()}. */
    String contentType();
}

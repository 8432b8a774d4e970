package dev.queuectl.daemon.metrics;

import dev.queuectl.daemon.engine.RunListener;
import java.time.Duration;

/**
 * What the daemon measures, behind a narrow interface: events come in as calls, the state
 * gauges from a {@link Gauges} snapshot taken just before each scrape, and {@link #scrape()}
 * renders everything in the Prometheus text format. Micrometer appears only in the adapter.
 * Thread-safe.
 */
public interface QueueMetrics extends RunListener {

    /** Values read from the store and the engine right before a scrape. */
    record Gauges(java.util.Map<dev.queuectl.protocol.JobState, Long> jobs, int busyWorkers, int configuredWorkers,
                  Duration oldestPendingAge) {
    }

    static QueueMetrics create() {
        return new MicrometerMetrics();
    }

    void jobsEnqueued(int count);

    void update(Gauges gauges);

    /** Prometheus text exposition format 0.0.4. */
    String scrape();

    /** The content type of {@link #scrape()}. */
    String contentType();
}

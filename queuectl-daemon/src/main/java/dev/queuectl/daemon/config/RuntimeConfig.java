package dev.queuectl.daemon.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable snapshot of the runtime settings.
 *
 * @param jobTimeout     null means no limit
 * @param workersStopped true after {@code worker stop}: the pool takes no new jobs
 */
public record RuntimeConfig(int maxRetries, double backoffBase, Duration backoffMax, Duration jobTimeout,
                            int workers, boolean workersStopped) {

    /** The stored key that remembers {@code worker stop}; not a user-settable key. */
    static final String WORKERS_STOPPED_KEY = "workers_stopped";

    public static RuntimeConfig defaults(int cpus) {
        return new RuntimeConfig(3, 2.0, Duration.ofHours(1), null, Math.max(1, Math.min(cpus, 256)), false);
    }

    public Object get(ConfigKey key) {
        switch (key) {
            case MAX_RETRIES: return maxRetries;
            case BACKOFF_BASE: return backoffBase;
            case BACKOFF_MAX: return backoffMax;
            case JOB_TIMEOUT: return jobTimeout;
            default: return workers;
        }
    }

    /** A copy with one key changed; {@code value} is what {@link ConfigKey#parse} returned. */
    public RuntimeConfig with(ConfigKey key, Object value) {
        switch (key) {
            case MAX_RETRIES: return new RuntimeConfig((Integer) value, backoffBase, backoffMax, jobTimeout, workers, workersStopped);
            case BACKOFF_BASE: return new RuntimeConfig(maxRetries, (Double) value, backoffMax, jobTimeout, workers, workersStopped);
            case BACKOFF_MAX: return new RuntimeConfig(maxRetries, backoffBase, (Duration) value, jobTimeout, workers, workersStopped);
            case JOB_TIMEOUT: return new RuntimeConfig(maxRetries, backoffBase, backoffMax, (Duration) value, workers, workersStopped);
            default: return new RuntimeConfig(maxRetries, backoffBase, backoffMax, jobTimeout, (Integer) value, workersStopped);
        }
    }

    public RuntimeConfig withWorkersStopped(boolean stopped) {
        return new RuntimeConfig(maxRetries, backoffBase, backoffMax, jobTimeout, workers, stopped);
    }

    /** Every key in its stored form, for persisting a whole snapshot. */
    Map<String, String> toStored() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (ConfigKey k : ConfigKey.values()) {
            m.put(k.key(), ConfigKey.store(get(k)));
        }
        m.put(WORKERS_STOPPED_KEY, Boolean.toString(workersStopped));
        return m;
    }

    /**
     * Reads stored values over the defaults. A stored value that no longer parses (edited by
     * hand, say) falls back to the default and is reported through {@code invalid}.
     */
    static RuntimeConfig fromStored(Map<String, String> stored, RuntimeConfig defaults, Map<ConfigKey, String> invalid) {
        RuntimeConfig c = defaults;
        Map<ConfigKey, String> bad = invalid == null ? new EnumMap<>(ConfigKey.class) : invalid;
        for (ConfigKey k : ConfigKey.values()) {
            String text = stored.get(k.key());
            if (text == null) {
                continue;
            }
            try {
                c = c.with(k, k.parse(text));
            } catch (RuntimeException e) {
                bad.put(k, text);
            }
        }
        return c.withWorkersStopped(Boolean.parseBoolean(stored.getOrDefault(WORKERS_STOPPED_KEY, "false")));
    }
}

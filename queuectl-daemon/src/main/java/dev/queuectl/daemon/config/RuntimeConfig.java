package dev.queuectl.daemon.config;

import dev.queuectl.protocol.RuntimeKey;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable snapshot of the runtime settings.
 *
 * @param jobTimeout     null means no limit
 * @param keepCompleted  how long completed jobs are kept; null means forever
 * @param keepDead       how long dead jobs are kept; null means forever
 * @param workersStopped true after {@code worker stop}: the pool takes no new jobs
 */
public record RuntimeConfig(int maxRetries, double backoffBase, Duration backoffMax, Duration jobTimeout,
                            int workers, Duration keepCompleted, Duration keepDead, boolean workersStopped) {

    /** The stored key that remembers {@code worker stop}; not a user-settable key. */
    static final String WORKERS_STOPPED_KEY = "workers_stopped";

    /**
     * The defaults of the {@link dev.queuectl.protocol.RuntimeKey} catalogue (the ones its help
     * and the README show); workers is the number of CPUs, within the pool's limits.
     */
    public static RuntimeConfig defaults(int cpus) {
        RuntimeConfig c = new RuntimeConfig(0, 1.0, null, null, 1, null, null, false);
        for (ConfigKey k : ConfigKey.values()) {
            c = c.with(k, k == ConfigKey.WORKERS ? Integer.valueOf(Math.max(1, Math.min(cpus, RuntimeKey.MAX_WORKERS)))
                    : k.parse(k.catalogue().defaultText()));
        }
        return c;
    }

    public Object get(ConfigKey key) {
        switch (key) {
            case MAX_RETRIES: return maxRetries;
            case BACKOFF_BASE: return backoffBase;
            case BACKOFF_MAX: return backoffMax;
            case JOB_TIMEOUT: return jobTimeout;
            case WORKERS: return workers;
            case KEEP_COMPLETED: return keepCompleted;
            default: return keepDead;
        }
    }

    /** A copy with one key changed; {@code value} is what {@link ConfigKey#parse} returned. */
    public RuntimeConfig with(ConfigKey key, Object value) {
        int retries = maxRetries;
        double base = backoffBase;
        Duration max = backoffMax;
        Duration timeout = jobTimeout;
        int pool = workers;
        Duration completed = keepCompleted;
        Duration dead = keepDead;
        switch (key) {
            case MAX_RETRIES: retries = (Integer) value; break;
            case BACKOFF_BASE: base = (Double) value; break;
            case BACKOFF_MAX: max = (Duration) value; break;
            case JOB_TIMEOUT: timeout = (Duration) value; break;
            case WORKERS: pool = (Integer) value; break;
            case KEEP_COMPLETED: completed = (Duration) value; break;
            default: dead = (Duration) value; break;
        }
        return new RuntimeConfig(retries, base, max, timeout, pool, completed, dead, workersStopped);
    }

    public RuntimeConfig withWorkersStopped(boolean stopped) {
        return new RuntimeConfig(maxRetries, backoffBase, backoffMax, jobTimeout, workers, keepCompleted, keepDead,
                stopped);
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

package dev.queuectl.daemon.config;

import dev.queuectl.daemon.store.ConfigStore;
import dev.queuectl.protocol.result.ConfigEntry;
import dev.queuectl.protocol.result.ConfigView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live runtime settings: loaded from the store at start-up (a fresh store is seeded with
 * the defaults, workers = number of CPUs), changed only through {@link #set}, which persists
 * the change before it takes effect. Listeners hear every change. Thread-safe.
 */
public final class RuntimeSettings {
    private static final Logger log = LoggerFactory.getLogger(RuntimeSettings.class);

    private final ConfigStore store;
    private final RuntimeConfig defaults;
    private final AtomicReference<RuntimeConfig> current;
    private final List<Consumer<RuntimeConfig>> listeners = new CopyOnWriteArrayList<>();
    /** Serialises changes so that two concurrent sets cannot lose one another. */
    private final Object changeLock = new Object();
    private CompletableFuture<RuntimeConfig> tail = CompletableFuture.completedFuture(null);

    private RuntimeSettings(ConfigStore store, RuntimeConfig defaults, RuntimeConfig loaded) {
        this.store = store;
        this.defaults = defaults;
        this.current = new AtomicReference<>(loaded);
    }

    /** Loads the settings, seeding a fresh store with the defaults. Blocks until done. */
    public static RuntimeSettings load(ConfigStore store, int cpus) {
        RuntimeConfig defaults = RuntimeConfig.defaults(cpus);
        Map<String, String> stored = store.loadConfig().join();
        Map<ConfigKey, String> invalid = new EnumMap<>(ConfigKey.class);
        RuntimeConfig loaded = RuntimeConfig.fromStored(stored, defaults, invalid);
        invalid.forEach((k, v) -> log.warn("stored value '{}' for {} is invalid; using {}", v, k.key(),
                ConfigKey.text(defaults.get(k))));
        Map<String, String> missing = new java.util.LinkedHashMap<>(loaded.toStored());
        missing.keySet().removeAll(stored.keySet());
        if (!missing.isEmpty()) {
            store.saveConfig(missing).join();
        }
        return new RuntimeSettings(store, defaults, loaded);
    }

    public RuntimeConfig current() {
        return current.get();
    }

    public void onChange(Consumer<RuntimeConfig> listener) {
        listeners.add(listener);
    }

    /** Validates, persists, then applies one key. Completes with the new entry. */
    public CompletableFuture<ConfigEntry> set(String keyName, String text) {
        ConfigKey key = ConfigKey.lookup(keyName);
        Object value = key.parse(text);
        return update(c -> c.with(key, value)).thenApply(c -> entry(key, c));
    }

    /**
     * Persists then applies a change to the snapshot (used by worker start/stop too). Changes are
     * chained, each starting from the previous one's result, without blocking the caller.
     */
    public CompletableFuture<RuntimeConfig> update(UnaryOperator<RuntimeConfig> change) {
        synchronized (changeLock) {
            CompletableFuture<RuntimeConfig> next = tail.handle((prev, error) -> null).thenCompose(ignored -> {
                RuntimeConfig before = current.get();
                RuntimeConfig updated = change.apply(before);
                // Only what changed: with a store several daemons share, writing every key would
                // put this daemon's copy of a setting over another daemon's newer change.
                Map<String, String> changed = new java.util.LinkedHashMap<>(updated.toStored());
                changed.entrySet().removeIf(e -> e.getValue().equals(before.toStored().get(e.getKey())));
                CompletableFuture<Void> saved = changed.isEmpty() ? CompletableFuture.completedFuture(null)
                        : store.saveConfig(changed);
                return saved.thenApply(done -> {
                    current.set(updated);
                    for (Consumer<RuntimeConfig> l : listeners) {
                        l.accept(updated);
                    }
                    return updated;
                });
            });
            tail = next;
            return next;
        }
    }

    /**
     * Reads the stored settings again (another daemon sharing the store changed them) and applies
     * them, telling the listeners, without writing anything. Completes with the settings now in force.
     */
    public CompletableFuture<RuntimeConfig> reload() {
        synchronized (changeLock) {
            CompletableFuture<RuntimeConfig> next = tail.handle((prev, error) -> null)
                    .thenCompose(ignored -> store.loadConfig()).thenApply(stored -> {
                        RuntimeConfig loaded = RuntimeConfig.fromStored(stored, defaults, new EnumMap<>(ConfigKey.class));
                        if (!loaded.equals(current.get())) {
                            current.set(loaded);
                            for (Consumer<RuntimeConfig> l : listeners) {
                                l.accept(loaded);
                            }
                        }
                        return loaded;
                    });
            tail = next;
            return next;
        }
    }

    public ConfigView view(String keyName) {
        RuntimeConfig c = current.get();
        List<ConfigEntry> entries = new ArrayList<>();
        if (keyName != null) {
            entries.add(entry(ConfigKey.lookup(keyName), c));
        } else {
            for (ConfigKey k : ConfigKey.values()) {
                entries.add(entry(k, c));
            }
        }
        return new ConfigView(entries);
    }

    private ConfigEntry entry(ConfigKey key, RuntimeConfig c) {
        Object value = c.get(key);
        Object def = defaults.get(key);
        return new ConfigEntry(key.key(), ConfigKey.wire(value), ConfigKey.text(value), ConfigKey.wire(def),
                ConfigKey.text(def), key.description());
    }
}

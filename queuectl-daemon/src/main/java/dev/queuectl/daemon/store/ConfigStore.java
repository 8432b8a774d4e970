package dev.queuectl.daemon.store;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Where the runtime settings are kept: all the configuration code may ask of a store. Thread-safe. */
public interface ConfigStore {
    /** Stored runtime settings (keys that were never set are absent). */
    CompletableFuture<Map<String, String>> loadConfig();

    /** Stores runtime settings, all in one transaction; acknowledged once durable. */
    CompletableFuture<Void> saveConfig(Map<String, String> values);
}

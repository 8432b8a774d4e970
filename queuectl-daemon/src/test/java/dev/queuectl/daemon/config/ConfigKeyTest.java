package dev.queuectl.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.protocol.ProtocolException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {
    @Test
    void keysAreAcceptedWithDashesOrUnderscores() {
        assertEquals(ConfigKey.MAX_RETRIES, ConfigKey.lookup("max-retries"));
        assertEquals(ConfigKey.MAX_RETRIES, ConfigKey.lookup("max_retries"));
        assertEquals(ConfigKey.JOB_TIMEOUT, ConfigKey.lookup("JOB-TIMEOUT"));
        ProtocolException e = assertThrows(ProtocolException.class, () -> ConfigKey.lookup("max_retry"));
        assertTrue(e.getMessage().contains("the keys are max_retries, backoff_base"), e.getMessage());
    }

    @Test
    void valuesAreTypeAndRangeChecked() {
        assertEquals(5, ConfigKey.MAX_RETRIES.parse("5"));
        assertEquals(1.5, ConfigKey.BACKOFF_BASE.parse("1.5"));
        assertEquals(Duration.ofMinutes(90), ConfigKey.BACKOFF_MAX.parse("1h30m"));
        assertEquals(Duration.ofSeconds(30), ConfigKey.JOB_TIMEOUT.parse("30"));
        assertNull(ConfigKey.JOB_TIMEOUT.parse("none"));
        for (String[] bad : new String[][] {{"max_retries", "-1"}, {"max_retries", "1001"}, {"max_retries", "2.5"},
                {"backoff_base", "0.5"}, {"backoff_base", "NaN"}, {"backoff_max", "0"}, {"backoff_max", "none"},
                {"backoff_max", "31d"}, {"job_timeout", "soon"}, {"job_timeout", "0"}, {"job_timeout", "0.0001"},
                {"keep_dead", "0"}, {"workers", "0"}, {"workers", "257"}}) {
            ConfigKey k = ConfigKey.lookup(bad[0]);
            ProtocolException e = assertThrows(ProtocolException.class, () -> k.parse(bad[1]), bad[0] + "=" + bad[1]);
            assertTrue(e.getMessage().contains("invalid value '" + bad[1] + "' for " + bad[0]), e.getMessage());
        }
    }

    @Test
    void zeroIsNeverNoneAndTheDefaultsAreTheCataloguesDefaults() {
        ProtocolException zero = assertThrows(ProtocolException.class, () -> ConfigKey.JOB_TIMEOUT.parse("0"));
        assertTrue(zero.getMessage().contains("write none"), zero.getMessage());
        RuntimeConfig defaults = RuntimeConfig.defaults(300);
        assertEquals(256, defaults.workers());
        for (ConfigKey k : ConfigKey.values()) {
            if (k != ConfigKey.WORKERS) {
                assertEquals(k.catalogue().defaultText(), ConfigKey.text(defaults.get(k)), k.key());
            }
        }
        assertEquals("1h30m15s", ConfigKey.text(Duration.ofSeconds(5415)), "shown exactly, as stored");
    }

    @Test
    void storedValuesRoundTripAndBadOnesFallBackToDefaults() {
        RuntimeConfig defaults = RuntimeConfig.defaults(4);
        RuntimeConfig changed = defaults.with(ConfigKey.BACKOFF_BASE, 1.5).with(ConfigKey.JOB_TIMEOUT, Duration.ofSeconds(90))
                .withWorkersStopped(true);
        assertEquals(changed, RuntimeConfig.fromStored(changed.toStored(), defaults, null));
        Map<String, String> stored = changed.toStored();
        stored.put("workers", "lots");
        Map<ConfigKey, String> invalid = new EnumMap<>(ConfigKey.class);
        RuntimeConfig loaded = RuntimeConfig.fromStored(stored, defaults, invalid);
        assertEquals(4, loaded.workers());
        assertEquals(Map.of(ConfigKey.WORKERS, "lots"), invalid);
    }
}

package dev.queuectl.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path tmp;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", tmp.resolve("home").toString());
        return env;
    }

    private Path file(String text) throws IOException {
        Path f = tmp.resolve("queuectld.conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void defaultsFollowTheHomeDirectoryWithoutXdgVariables() {
        DaemonSettings s = new SettingsLoader(env()).load(Map.of(), null);
        assertEquals(tmp.resolve("home/.local/state/queuectl"), s.dataDir());
        assertEquals(tmp.resolve("home/.local/state/queuectl/queuectld.sock"), s.socket());
        assertEquals(Duration.ofSeconds(30), s.drainTimeout());
        assertEquals(1024 * 1024, s.maxRequestBytes());
        assertEquals(256, s.maxConnections());
        assertNull(s.socketGroup());
        assertNull(s.configFile());
    }

    @Test
    void xdgAndSystemdDirectoriesAreHonoured() {
        Map<String, String> env = env();
        env.put("XDG_STATE_HOME", "/xdg/state");
        env.put("XDG_RUNTIME_DIR", "/run/user/1000");
        DaemonSettings s = new SettingsLoader(env).load(Map.of(), null);
        assertEquals(Path.of("/xdg/state/queuectl"), s.dataDir());
        assertEquals(Path.of("/run/user/1000/queuectl/queuectld.sock"), s.socket());
        env.put("STATE_DIRECTORY", "/var/lib/queuectl");
        env.put("RUNTIME_DIRECTORY", "/run/queuectl");
        s = new SettingsLoader(env).load(Map.of(), null);
        assertEquals(Path.of("/var/lib/queuectl"), s.dataDir());
        assertEquals(Path.of("/run/queuectl/queuectld.sock"), s.socket());
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        Path conf = file("# test\ndrain-timeout = 10s\nmax_connections = 50\nmax-request-bytes = 64KiB\n"
                + "output-limit = \"2MiB\"\n");
        Map<String, String> env = env();
        env.put("QUEUECTL_MAX_CONNECTIONS", "60");
        env.put("QUEUECTL_MAX_REQUEST_BYTES", "128KiB");
        Map<DaemonOption, String> flags = new EnumMap<>(DaemonOption.class);
        flags.put(DaemonOption.MAX_REQUEST_BYTES, "256KiB");
        DaemonSettings s = new SettingsLoader(env).load(flags, conf);
        assertEquals(256 * 1024, s.maxRequestBytes(), "flag wins");
        assertEquals(60, s.maxConnections(), "environment beats the file");
        assertEquals(Duration.ofSeconds(10), s.drainTimeout(), "the file beats the default");
        assertEquals(2 * 1024 * 1024, s.outputLimitBytes());
        assertEquals(conf, s.configFile());
    }

    @Test
    void theConfigFileIsFoundThroughTheEnvironmentAndStandardLocations() throws IOException {
        Path conf = file("drain-timeout = 5s\n");
        Map<String, String> env = env();
        env.put("QUEUECTL_CONFIG", conf.toString());
        assertEquals(Duration.ofSeconds(5), new SettingsLoader(env).load(Map.of(), null).drainTimeout());

        Map<String, String> xdg = env();
        xdg.put("XDG_CONFIG_HOME", tmp.resolve("cfg").toString());
        Files.createDirectories(tmp.resolve("cfg/queuectl"));
        Files.writeString(tmp.resolve("cfg/queuectl/queuectld.conf"), "drain-timeout = 7s\n");
        assertEquals(Duration.ofSeconds(7), new SettingsLoader(xdg).load(Map.of(), null).drainTimeout());
    }

    @Test
    void aBadFileIsAnErrorThatNamesTheLine() throws IOException {
        Path conf = file("# ok\n\ndrain-timeout = 5s\nsockett = /tmp/x\n");
        SettingsException e = assertThrows(SettingsException.class, () -> new SettingsLoader(env()).load(Map.of(), conf));
        assertTrue(e.getMessage().contains("line 4: unknown setting 'sockett'"), e.getMessage());

        Path bad = file("max-connections = lots\n");
        e = assertThrows(SettingsException.class, () -> new SettingsLoader(env()).load(Map.of(), bad));
        assertTrue(e.getMessage().contains("line 1: max-connections: 'lots' is not a whole number"), e.getMessage());

        Path noEquals = file("drain-timeout 5s\n");
        e = assertThrows(SettingsException.class, () -> new SettingsLoader(env()).load(Map.of(), noEquals));
        assertTrue(e.getMessage().contains("line 1: expected 'key = value'"), e.getMessage());

        Path twice = file("drain-timeout = 5s\ndrain_timeout = 6s\n");
        e = assertThrows(SettingsException.class, () -> new SettingsLoader(env()).load(Map.of(), twice));
        assertTrue(e.getMessage().contains("line 2: 'drain-timeout' is set twice"), e.getMessage());
    }

    @Test
    void badFlagsAndVariablesNameTheirSource() {
        Map<DaemonOption, String> flags = new EnumMap<>(DaemonOption.class);
        flags.put(DaemonOption.DRAIN_TIMEOUT, "forever");
        SettingsException e = assertThrows(SettingsException.class, () -> new SettingsLoader(env()).load(flags, null));
        assertTrue(e.getMessage().startsWith("--drain-timeout: "), e.getMessage());

        Map<String, String> env = env();
        env.put("QUEUECTL_OUTPUT_LIMIT", "12");
        e = assertThrows(SettingsException.class, () -> new SettingsLoader(env).load(Map.of(), null));
        assertTrue(e.getMessage().startsWith("$QUEUECTL_OUTPUT_LIMIT: must be between"), e.getMessage());
    }

    @Test
    void theShippedConfigFileListsEverySettingAtItsDefault() throws IOException {
        Path shipped = Path.of("../config/queuectld.conf");
        String text = Files.readString(shipped);
        for (DaemonOption o : DaemonOption.values()) {
            assertTrue(text.contains("\n" + o.key() + " =") || text.contains("\n#" + o.key() + " ="),
                    o.key() + " is documented in config/queuectld.conf");
        }
        DaemonSettings fromFile = new SettingsLoader(env()).load(Map.of(), shipped);
        DaemonSettings defaults = new SettingsLoader(env()).load(Map.of(), null);
        assertEquals(defaults.withMetricsListen(null), fromFile.withConfigFile(null));
    }

    @Test
    void theMetricsEndpointListensOnLoopbackOnly() throws IOException {
        Map<DaemonOption, String> flags = new EnumMap<>(DaemonOption.class);
        flags.put(DaemonOption.METRICS_LISTEN, "127.0.0.1:9464");
        assertEquals(9464, new SettingsLoader(env()).load(flags, null).metricsListen().getPort());
        flags.put(DaemonOption.METRICS_LISTEN, "0.0.0.0:9464");
        SettingsException e = assertThrows(SettingsException.class, () -> new SettingsLoader(env()).load(flags, null));
        assertTrue(e.getMessage().contains("not a loopback address"), e.getMessage());
        Path conf = file("log-format = yaml\n");
        e = assertThrows(SettingsException.class, () -> new SettingsLoader(env()).load(Map.of(), conf));
        assertTrue(e.getMessage().contains("line 1: log-format: must be auto, text, journal or json"), e.getMessage());
    }

    @Test
    void aMissingExplicitConfigFileIsAnError() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new SettingsLoader(env()).load(Map.of(), tmp.resolve("nope.conf")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}

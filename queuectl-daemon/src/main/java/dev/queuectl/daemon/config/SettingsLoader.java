package dev.queuectl.daemon.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@link DaemonSettings} with the precedence command-line flags, then environment
 * ({@code QUEUECTL_*}), then the config file, then defaults. The config file is {@code --config},
 * else {@code $QUEUECTL_CONFIG}, else the first of {@code $XDG_CONFIG_HOME/queuectl/queuectld.conf}
 * (or {@code ~/.config/...}) and {@code /etc/queuectl/queuectld.conf} that exists.
 *
 * <p>File format: {@code key = value} per line, {@code #} starts a comment line, keys as the flag
 * names ({@code data-dir}, {@code drain-timeout}; {@code _} works too). Errors name the line.
 */
public final class SettingsLoader {
    public static final String CONFIG_ENV = "QUEUECTL_CONFIG";

    private final Map<String, String> env;

    public SettingsLoader(Map<String, String> env) {
        this.env = env;
    }

    /**
     * @param flags       values given on the command line, by option key ({@code data-dir})
     * @param configFlag  the {@code --config} path, or null
     */
    public DaemonSettings load(Map<DaemonOption, String> flags, Path configFlag) {
        Path configFile = locateConfigFile(configFlag);
        Map<DaemonOption, String> fromFile = configFile == null ? Map.of() : readFile(configFile);
        Map<DaemonOption, String> values = new EnumMap<>(DaemonOption.class);
        for (DaemonOption o : DaemonOption.values()) {
            String v;
            String source;
            if (flags.containsKey(o)) {
                v = flags.get(o);
                source = "--" + o.key();
            } else if (env.containsKey(o.envName())) {
                v = env.get(o.envName());
                source = "$" + o.envName();
            } else if (fromFile.containsKey(o)) {
                v = fromFile.get(o);
                source = null; // checked while reading the file
            } else {
                v = o.defaultText();
                source = null;
            }
            if (v != null && source != null) {
                String problem = o.check(v);
                if (problem != null) {
                    throw new SettingsException(source + ": " + problem, source.startsWith("--"));
                }
            }
            if (v != null) {
                values.put(o, v);
            }
        }
        Path dataDir = values.containsKey(DaemonOption.DATA_DIR)
                ? absolute(values.get(DaemonOption.DATA_DIR)) : defaultDataDir();
        values.put(DaemonOption.DATA_DIR, dataDir.toString());
        if (!values.containsKey(DaemonOption.SOCKET)) {
            values.put(DaemonOption.SOCKET, defaultSocket(dataDir).toString());
        }
        return DaemonSettings.of(values, configFile);
    }

    Path locateConfigFile(Path configFlag) {
        if (configFlag != null) {
            if (!Files.isRegularFile(configFlag)) {
                throw new SettingsException("--config: no such file: " + configFlag, true);
            }
            return configFlag;
        }
        String fromEnv = env.get(CONFIG_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Paths.get(fromEnv);
            if (!Files.isRegularFile(p)) {
                throw new SettingsException("$" + CONFIG_ENV + ": no such file: " + p);
            }
            return p;
        }
        for (Path candidate : standardConfigFiles()) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    List<Path> standardConfigFiles() {
        List<Path> out = new ArrayList<>();
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            out.add(Paths.get(xdg, "queuectl", "queuectld.conf"));
        } else {
            out.add(home().resolve(".config/queuectl/queuectld.conf"));
        }
        out.add(Paths.get("/etc/queuectl/queuectld.conf"));
        return out;
    }

    /** Reads and checks a config file; every error names the file and line. */
    static Map<DaemonOption, String> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException("cannot read config file " + file + ": " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new SettingsException("cannot read config file " + file + ": not UTF-8 text");
        }
        Map<DaemonOption, String> values = new EnumMap<>(DaemonOption.class);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + " line " + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new SettingsException(where + "expected 'key = value', got '" + abbreviate(line) + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = unquote(line.substring(eq + 1).strip());
            DaemonOption o = DaemonOption.lookup(key);
            if (o == null) {
                throw new SettingsException(where + "unknown setting '" + abbreviate(key) + "'; known settings: "
                        + known());
            }
            if (values.containsKey(o)) {
                throw new SettingsException(where + "'" + o.key() + "' is set twice");
            }
            String problem = o.check(value);
            if (problem != null) {
                throw new SettingsException(where + o.key() + ": " + problem);
            }
            values.put(o, value);
        }
        return values;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String known() {
        StringBuilder b = new StringBuilder();
        for (DaemonOption o : DaemonOption.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(o.key());
        }
        return b.toString();
    }

    private Path home() {
        String h = env.get("HOME");
        return Paths.get(h != null && !h.isBlank() ? h : System.getProperty("user.home"));
    }

    private static Path absolute(String p) {
        return Paths.get(p.trim()).toAbsolutePath().normalize();
    }

    /** $STATE_DIRECTORY (systemd), else $XDG_STATE_HOME/queuectl, else ~/.local/state/queuectl. */
    Path defaultDataDir() {
        String systemd = env.get("STATE_DIRECTORY");
        if (systemd != null && !systemd.isBlank()) {
            return absolute(systemd.split(":")[0]);
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return absolute(xdg).resolve("queuectl");
        }
        return home().resolve(".local/state/queuectl").toAbsolutePath();
    }

    /** $RUNTIME_DIRECTORY/queuectld.sock (systemd), else $XDG_RUNTIME_DIR/queuectl/queuectld.sock, else in the data dir. */
    Path defaultSocket(Path dataDir) {
        String systemd = env.get("RUNTIME_DIRECTORY");
        if (systemd != null && !systemd.isBlank()) {
            return absolute(systemd.split(":")[0]).resolve("queuectld.sock");
        }
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank()) {
            return absolute(xdg).resolve("queuectl").resolve("queuectld.sock");
        }
        return dataDir.resolve("queuectld.sock");
    }
}

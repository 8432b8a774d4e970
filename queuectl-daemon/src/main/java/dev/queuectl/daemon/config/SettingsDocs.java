package dev.queuectl.daemon.config;

/**
 * Documentation derived from the {@link DaemonOption} declarations: the shipped config file
 * ({@code config/queuectld.conf}) and the README's table of daemon settings. Tests check that
 * both files hold exactly this text, so the docs cannot drift from the code.
 */
public final class SettingsDocs {
    private SettingsDocs() {
    }

    /** The config file listing every setting at its default, with its meaning. */
    public static String configFile() {
        StringBuilder b = new StringBuilder();
        b.append("# queuectld configuration. Every daemon setting is listed here at its default.\n")
                .append("#\n")
                .append("# Found through --config FILE, else $QUEUECTL_CONFIG, else $XDG_CONFIG_HOME/queuectl/queuectld.conf\n")
                .append("# (~/.config/queuectl/queuectld.conf), else /etc/queuectl/queuectld.conf.\n")
                .append("# Precedence: command-line flags, then QUEUECTL_* environment variables (QUEUECTL_DATA_DIR, ...),\n")
                .append("# then this file, then the defaults. A line queuectld cannot read stops it at start-up with an\n")
                .append("# error naming the line. Format: `key = value`; `#` starts a comment line; `_` works for `-`.\n")
                .append("#\n")
                .append("# Runtime settings (max_retries, backoff_base, backoff_max, job_timeout, workers, keep_completed,\n")
                .append("# keep_dead) are not here: they live in the store and change with `queuectl config set`.\n");
        for (DaemonOption o : DaemonOption.values()) {
            b.append('\n').append("# ").append(o.description()).append('\n');
            if (o.defaultText() == null) {
                b.append("# Default: ").append(o.documentedDefault().replace("`", "")).append(".\n");
                b.append('#').append(o.key()).append(" =\n");
            } else {
                b.append(o.key()).append(" =").append(o.defaultText().isEmpty() ? "" : " " + o.defaultText())
                        .append('\n');
            }
        }
        return b.toString();
    }

    /** The README's markdown table of daemon settings. */
    public static String readmeTable() {
        StringBuilder b = new StringBuilder();
        b.append("| flag / file key | environment | default | meaning |\n");
        b.append("|---|---|---|---|\n");
        for (DaemonOption o : DaemonOption.values()) {
            b.append("| `").append(o.flag()).append("` | `").append(o.envName()).append("` | ")
                    .append(o.documentedDefault()).append(" | ").append(o.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return b.toString();
    }
}

package dev.queuectl.client.command;

import dev.queuectl.protocol.RuntimeKey;

/** The key list of {@code config get/set --help}, generated from the protocol's {@link RuntimeKey} catalogue. */
final class ConfigKeysHelp {
    private ConfigKeysHelp() {
    }

    /** {@code lead} followed by every key with its meaning, range and default. */
    static String[] describe(String... lead) {
        RuntimeKey[] keys = RuntimeKey.values();
        String[] lines = new String[lead.length + 2 + keys.length * 2 + 1];
        System.arraycopy(lead, 0, lines, 0, lead.length);
        int i = lead.length;
        lines[i++] = "";
        lines[i++] = "Keys (max-retries works for max_retries):";
        for (RuntimeKey k : keys) {
            lines[i++] = "  " + k.key() + " ".repeat(Math.max(1, 16 - k.key().length())) + k.meaning();
            lines[i++] = " ".repeat(18) + k.range() + "; default " + k.defaultText() + ".";
        }
        lines[i] = "Durations: see queuectl help durations.";
        return lines;
    }
}

package dev.queuectl.client.command;

import dev.queuectl.protocol.RuntimeKey;
import java.util.ArrayList;
import java.util.List;

/** The key list of {@code config get/set --help}, generated from the protocol's {@link RuntimeKey} catalogue. */
final class ConfigKeysHelp {
    private static final int INDENT = 18;

    private ConfigKeysHelp() {
    }

    /** {@code lead} (a summary line, then paragraphs) followed by every key with its meaning, range and default. */
    static String[] describe(String... lead) {
        List<String> lines = new ArrayList<>(List.of(lead));
        lines.add("");
        lines.add("Keys (max-retries works for max_retries):");
        for (RuntimeKey k : RuntimeKey.values()) {
            String text = k.meaning() + " Values: " + k.range() + "; default " + k.defaultText() + ".";
            String[] wrapped = HelpText.wrap(HelpText.TEXT_WIDTH - INDENT, text);
            for (int i = 0; i < wrapped.length; i++) {
                String head = i == 0 ? "  " + k.key() : "";
                lines.add(head + " ".repeat(Math.max(1, INDENT - head.length())) + wrapped[i]);
            }
        }
        lines.add("");
        lines.add("Durations: see queuectl help durations.");
        return lines.toArray(new String[0]);
    }
}

package dev.queuectl.protocol;

/**
 * A name a user gave, made safe to quote in an error message: control characters escaped and
 * long names cut. Only for names (ids, keys), never for values that may be secrets.
 */
final class DisplayName {
    private static final int MAX = 40;

    private DisplayName() {
    }

    static String of(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length() && b.length() < MAX; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() >= MAX && name.length() > MAX ? b + "…" : b.toString();
    }
}

package dev.queuectl.daemon.server.http;

/** Text from a request made safe to quote in a message or log: control characters escaped, length bounded. */
final class Printable {
    private Printable() {
    }

    static String of(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= max && s.length() > max) {
            b.append('…');
        }
        return b.toString();
    }
}

package dev.queuectl.client.render;

/**
 * Text from the store as a terminal shows it. {@link #escape} makes control characters visible
 * ({@code \e}, {@code \n}, {@code \x07}, {@code \u202e}), so that a job whose command holds
 * {@code ESC[31m} cannot recolour, move or retitle an operator's terminal, and bidi controls
 * cannot reorder what is shown. {@link #width} measures what a terminal gives a string: two
 * columns for East Asian wide and fullwidth characters, none for combining marks. Hand-written
 * rather than ICU: the client pays every class it loads at start-up. Stateless.
 */
public final class DisplayText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private DisplayText() {
    }

    /** The text with every control character replaced by a visible escape; null stays null. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !needsEscape(s, i)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsEscape(s, i)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == 0x1b) {
                b.append("\\e");
            } else if (c < 0x80) {
                b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 15]);
            } else {
                b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                        .append(HEX[c & 15]);
            }
        }
        return b.toString();
    }

    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
            return true;
        }
        if (c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** Terminal columns the (already escaped) text takes. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Columns of one code point: 0 for combining and zero-width ones, 2 for wide ones, else 1. */
    static int width(int cp) {
        if (cp == 0x200b || cp == 0x200c || cp == 0x200d || cp == 0xfeff) {
            return 0;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return 0;
        }
        if (cp >= 0x1160 && cp <= 0x11ff) {
            return 0; // Hangul medial vowels and final consonants join the syllable before them
        }
        return wide(cp) ? 2 : 1;
    }

    /** East Asian Wide and Fullwidth ranges (after Markus Kuhn's wcwidth), plus emoji pictographs. */
    private static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115f
                || cp == 0x2329 || cp == 0x232a
                || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f)
                || (cp >= 0xac00 && cp <= 0xd7a3)
                || (cp >= 0xf900 && cp <= 0xfaff)
                || (cp >= 0xfe10 && cp <= 0xfe19)
                || (cp >= 0xfe30 && cp <= 0xfe6f)
                || (cp >= 0xff00 && cp <= 0xff60)
                || (cp >= 0xffe0 && cp <= 0xffe6)
                || (cp >= 0x1f300 && cp <= 0x1f64f)
                || (cp >= 0x1f900 && cp <= 0x1f9ff)
                || (cp >= 0x20000 && cp <= 0x2fffd)
                || (cp >= 0x30000 && cp <= 0x3fffd));
    }

    /**
     * The text cut to at most {@code max} columns, ending in {@code …} when something was cut;
     * a wide character that would straddle the limit is left out whole.
     */
    public static String fit(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        if (max <= 0) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = width(cp);
            if (w + cw > max - 1) {
                break;
            }
            b.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return b.append('…').toString();
    }
}

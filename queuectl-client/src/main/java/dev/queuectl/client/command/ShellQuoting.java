package dev.queuectl.client.command;

import java.util.List;
import java.util.regex.Pattern;

/** Joins an argv into one POSIX shell command that runs exactly that argv. */
final class ShellQuoting {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellQuoting() {
    }

    static String join(List<String> argv) {
        StringBuilder b = new StringBuilder();
        for (String arg : argv) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(quote(arg));
        }
        return b.toString();
    }

    /** Single-quotes an argument unless it is plainly safe; a single quote becomes {@code '\''}. */
    static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}

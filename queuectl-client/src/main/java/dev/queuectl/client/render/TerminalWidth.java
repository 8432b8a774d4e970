package dev.queuectl.client.render;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds how wide the terminal is: {@code $COLUMNS} when set, else, when stdin and stdout are a
 * terminal, what {@code stty size} reports for {@code /dev/tty} (the JDK cannot ask the terminal
 * itself). Output that goes to a pipe or a file has no width: nothing is cut to fit it.
 */
final class TerminalWidth {
    /** Narrower values are taken as a mistake: tables then print as if there were no terminal. */
    static final int MIN = 20;

    private TerminalWidth() {
    }

    static int detect(Map<String, String> env) {
        String columns = env.get("COLUMNS");
        if (columns != null && !columns.isBlank()) {
            try {
                int n = Integer.parseInt(columns.trim());
                return n >= MIN ? n : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return isTerminal() ? stty() : 0;
    }

    /**
     * Whether stdin and stdout are a terminal. Up to JDK 21 that is {@code System.console() != null};
     * from JDK 22 a console exists even for a pipe, and {@code Console.isTerminal()} (absent from
     * the JDK 17 API this is compiled against, hence reflection) tells.
     */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        if (Runtime.version().feature() < 22) {
            return true;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static int stty() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer;
            try (InputStream in = p.getInputStream()) {
                answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroy();
                return 0;
            }
            int space = answer.indexOf(' ');
            int n = space < 0 ? 0 : Integer.parseInt(answer.substring(space + 1).trim());
            return n >= MIN ? n : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}

package dev.queuectl.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The numbers a reliability test reached, printed and appended to
 * {@code target/reliability-figures.txt} so they can be quoted. {@code -Dqueuectl.soak=true}
 * (the {@code soak} Maven profile) scales every test up.
 */
final class Figures {
    private Figures() {
    }

    static boolean soak() {
        return Boolean.getBoolean("queuectl.soak");
    }

    /** {@code quick} normally, {@code soak} in the soak run. */
    static int size(int quick, int soak) {
        return soak() ? soak : quick;
    }

    static void report(String test, String figures) {
        String line = "[reliability] " + test + ": " + figures + (soak() ? " (soak)" : "");
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "reliability-figures.txt"), line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("(could not record the figures: " + e + ")");
        }
    }
}

package dev.queuectl.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped config file and the README's settings table are exactly what the declarations
 * say. On a mismatch the expected text is written under target/generated-docs/ to copy over.
 */
class SettingsDocsTest {
    private static final Path OUT = Path.of("target/generated-docs");

    @Test
    void theShippedConfigFileIsGeneratedFromTheDeclarations() throws IOException {
        String expected = SettingsDocs.configFile();
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("queuectld.conf"), expected);
        assertEquals(expected, Files.readString(Path.of("../config/queuectld.conf")),
                "config/queuectld.conf differs from the declarations; see " + OUT.resolve("queuectld.conf"));
    }

    @Test
    void theReadmeTableIsGeneratedFromTheDeclarations() throws IOException {
        String expected = SettingsDocs.readmeTable();
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("daemon-settings.md"), expected);
        assertTrue(Files.readString(Path.of("../README.md")).contains(expected),
                "README.md's daemon settings table differs from the declarations; see "
                        + OUT.resolve("daemon-settings.md"));
    }
}

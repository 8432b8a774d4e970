package dev.queuectl.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh temporary directory under /tmp for each test, deleted after it. Short on purpose:
 * a daemon's Unix socket lives in it, and socket paths are limited to about 108 bytes (JUnit's
 * own {@code @TempDir} may sit under a long {@code java.io.tmpdir}). Register it with
 * {@code @RegisterExtension final ShortTempDir tmp = new ShortTempDir();}.
 */
public final class ShortTempDir implements BeforeEachCallback, AfterEachCallback {
    private Path path;

    /** A new directory now, outside the extension's life cycle (deleted with {@link #delete}). */
    public static Path create() {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), "qc");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree, best effort (it is temporary). */
    public static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort for a temporary directory
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        path = create();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        delete(path);
        path = null;
    }

    /** This test's directory. */
    public Path path() {
        return path;
    }

    public Path resolve(String other) {
        return path.resolve(other);
    }
}

package dev.queuectl.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh temporary directory under /tmp for each test, deleted after it. Short on purpose:
 * a daemon's Unix socket lives in it, and socket paths are limited to about 108 bytes (JUnit's
 * own {@code @TempDir} may sit under a long {@code java.io.tmpdir}). Register it with
 * {@code @RegisterExtension final ShortTempDir tmp = new ShortTempDir();} for a directory per
 * test, or {@code @RegisterExtension static final ShortTempDir TMP = ShortTempDir.perClass();}
 * for one shared by the class's tests (ready before its {@code @BeforeAll} methods run, deleted
 * after its {@code @AfterAll} methods).
 */
public final class ShortTempDir implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private final boolean perClass;
    private Path path;

    public ShortTempDir() {
        this(false);
    }

    private ShortTempDir(boolean perClass) {
        this.perClass = perClass;
    }

    /** One directory for all the tests of a class. */
    public static ShortTempDir perClass() {
        return new ShortTempDir(true);
    }

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
    public void beforeAll(ExtensionContext context) {
        if (perClass) {
            path = create();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            delete(path);
            path = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            path = create();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            delete(path);
            path = null;
        }
    }

    /** This test's directory. */
    public Path path() {
        return path;
    }

    public Path resolve(String other) {
        return path.resolve(other);
    }
}

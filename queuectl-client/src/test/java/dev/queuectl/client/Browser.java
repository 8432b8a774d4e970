package dev.queuectl.client;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.queuectl.daemon.ShortTempDir;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium (Debian's {@code chromium} with {@code chromium-driver}) driven through
 * Selenium, with a fresh profile and nothing that reaches the network by itself. Where Chromium
 * is missing the test is skipped with what to install, unless {@code QUEUECTL_REQUIRE_BROWSER}
 * is set (as {@code .ci/run} does), which makes it fail instead.
 */
final class Browser implements AutoCloseable {
    private static final List<String> BINARIES = List.of("/usr/lib/chromium/chromium", "/usr/bin/chromium");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    private static String find(String env, List<String> candidates) {
        String given = System.getenv(env);
        if (given != null && Files.isExecutable(Path.of(given))) {
            return given;
        }
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    /** A new browser with its own profile, {@code width} CSS pixels wide; skips (or fails in CI) without Chromium. */
    static Browser start(int width, int height) throws IOException {
        String binary = find("CHROMIUM", BINARIES);
        String driverPath = find("CHROMEDRIVER", DRIVERS);
        if (binary == null || driverPath == null) {
            String what = "the browser tests need Chromium and its driver: on Debian or Ubuntu run"
                    + " `sudo apt-get install chromium chromium-driver` (or point CHROMIUM and CHROMEDRIVER at them)";
            System.out.println("[browser] " + what);
            if (System.getenv("QUEUECTL_REQUIRE_BROWSER") != null) {
                throw new AssertionError(what);
            }
            assumeTrue(false, what);
        }
        Path profile = ShortTempDir.create();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    /**
     * Emulates a screen {@code width} CSS pixels wide, as a phone's (a headless window cannot be
     * made narrower than about 500 pixels).
     */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
    }

    /** Emulates the system's dark (or light) colour scheme. */
    void darkMode(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** Saves a screenshot as target/screenshots/NAME.png for a person to look at. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path to = SCREENSHOTS.resolve(name + ".png");
        Files.move(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    /** The browser console's errors so far (CSP violations, script errors), as text. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            ShortTempDir.delete(profile);
        }
    }
}

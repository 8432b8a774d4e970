package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.config.DaemonSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the dashboard's browser tests share: a real daemon with its HTTP listener (one per test
 * class, on a short temp dir), a headless Chromium per test that must end without script errors
 * or CSP violations in its console, logging in with the link {@code queuectl dashboard} prints,
 * and waiting for the page. Tests leave screenshots in target/screenshots/. JUnit's thread only.
 */
abstract class DashboardBrowser {
    @RegisterExtension
    static final ShortTempDir DIR = ShortTempDir.perClass();
    static Path root;
    static QueueDaemon daemon;
    static Path socket;
    Browser browser;
    ChromeDriver web;
    /** Paths whose 4xx answers the console may report: refusals a test asks for on purpose. */
    private final List<String> refusedPaths = new ArrayList<>();

    @BeforeAll
    static void startDaemon() throws IOException {
        root = DIR.path();
        socket = root.resolve("d.sock");
        daemon = QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket)
                .withHttpListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    }

    @AfterAll
    static void stopDaemon() throws IOException {
        daemon.close();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        browser = Browser.start(1280, 900);
        web = browser.driver;
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            List<String> errors = browser.consoleErrors().stream()
                    .filter(e -> !(e.contains("status of 4") && refusedPaths.stream().anyMatch(e::contains))).toList();
            browser.close();
            assertEquals(List.of(), errors, "no script errors or CSP violations in the console");
        }
    }

    /** Lets the console report 4xx answers from URLs containing {@code path}: the test expects them. */
    void expectRefusals(String path) {
        refusedPaths.add(path);
    }

    static CliRun cli(String... args) {
        CliRun r = CliRun.run(socket, args);
        assertEquals(0, r.exitCode, r::toString);
        return r;
    }

    /** The job as {@code queuectl show --json} prints it. */
    static String shown(String id) {
        return CliRun.run(socket, "show", id, "--json").out;
    }

    String base() {
        return "http://127.0.0.1:" + daemon.httpPort();
    }

    /** Logs in with the link the CLI prints; returns it. */
    String logIn(String... flags) {
        String[] args = new String[flags.length + 1];
        args[0] = "dashboard";
        System.arraycopy(flags, 0, args, 1, flags.length);
        String link = cli(args).out.strip();
        assertTrue(link.startsWith(base() + "/login?token="), link);
        web.get(link);
        await().atMost(Duration.ofSeconds(10)).until(() -> web.findElements(By.cssSelector("main h1")).size() > 0);
        return link;
    }

    void go(String path) {
        web.get(base() + path);
        await().atMost(Duration.ofSeconds(10)).until(() -> !web.findElements(By.cssSelector("main h1")).isEmpty());
    }

    WebElement awaitElement(By by) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> web.findElement(by).isDisplayed());
        return web.findElement(by);
    }

    /** Waits until the main area's text contains {@code text}, read again when a live update replaced it. */
    void awaitText(String text) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> web.findElement(By.cssSelector("main")).getText().contains(text));
    }

    /** Replaces the text of an input. */
    WebElement type(By by, String text) {
        WebElement input = awaitElement(by);
        input.clear();
        input.sendKeys(text);
        return input;
    }
}

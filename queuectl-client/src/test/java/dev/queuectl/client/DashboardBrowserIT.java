package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.config.DaemonSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real browser (headless Chromium) against a real daemon, logged in with the
 * link {@code queuectl dashboard} prints. Each test leaves screenshots in target/screenshots/.
 */
class DashboardBrowserIT {
    @RegisterExtension
    static final ShortTempDir DIR = ShortTempDir.perClass();
    private static Path root;
    private static QueueDaemon daemon;
    private static Path socket;
    private Browser browser;
    private ChromeDriver web;

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
            List<String> errors = browser.consoleErrors();
            browser.close();
            assertEquals(List.of(), errors, "no script errors or CSP violations in the console");
        }
    }

    private static CliRun cli(String... args) {
        CliRun r = CliRun.run(socket, args);
        assertEquals(0, r.exitCode, r::toString);
        return r;
    }

    private String base() {
        return "http://127.0.0.1:" + daemon.httpPort();
    }

    /** Logs in with the link the CLI prints; returns it. */
    private String logIn(String... flags) {
        String[] args = new String[flags.length + 1];
        args[0] = "dashboard";
        System.arraycopy(flags, 0, args, 1, flags.length);
        String link = cli(args).out.strip();
        assertTrue(link.startsWith(base() + "/login?token="), link);
        web.get(link);
        await().atMost(Duration.ofSeconds(10)).until(() -> web.findElements(By.cssSelector("main h1")).size() > 0);
        return link;
    }

    private void go(String path) {
        web.get(base() + path);
        await().atMost(Duration.ofSeconds(10)).until(() -> !web.findElements(By.cssSelector("main h1")).isEmpty());
    }

    private WebElement awaitElement(By by) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> web.findElement(by).isDisplayed());
        return web.findElement(by);
    }

    /** The overview's count of a state; read again when a live update replaced the card meanwhile. */
    private long count(String state) {
        By card = By.cssSelector("[data-count='" + state + "']");
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .ignoreExceptions().until(() -> Long.parseLong(web.findElement(card).getText().replace(",", "")),
                        n -> true);
    }

    @Test
    void theCliLinkLogsInAndTheTokenLeavesTheAddressBar() throws IOException {
        logIn();
        assertEquals(base() + "/", web.getCurrentUrl());
        assertEquals("Overview", web.findElement(By.cssSelector("main h1")).getText());
        assertEquals("read-write", web.findElement(By.cssSelector(".role")).getText());
        await().atMost(Duration.ofSeconds(10)).until(() -> web.findElement(By.id("conn")).getText().equals("live"));
        browser.screenshot("overview");
        web.manage().deleteAllCookies();
        assertEquals(List.of(), browser.consoleErrors());
        go("/jobs");
        assertTrue(web.getPageSource().contains("queuectl dashboard"), "without the cookie: the login page");
        browser.screenshot("login-required");
        List<String> errors = browser.consoleErrors();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("401"), "the only complaint is the expected 401: " + errors);
    }

    @Test
    void theOverviewCountsMoveWithinASecondOfACliEnqueueWithoutAReload() {
        cli("worker", "stop");
        try {
            logIn();
            await().atMost(Duration.ofSeconds(10)).until(() -> web.findElement(By.id("conn")).getText().equals("live"));
            web.executeScript("window.queuectlNoReload = true;");
            long before = count("pending");
            cli("enqueue", "--", "echo", "counted");
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> count("pending") == before + 1);
            assertEquals(Boolean.TRUE, web.executeScript("return window.queuectlNoReload === true;"), "no reload");
        } finally {
            cli("worker", "start");
        }
    }

    @Test
    void aFailingJobShowsInDeadLettersAndRetryOnItsPageRunsItAgain() throws IOException {
        Path flag = root.resolve("second-time");
        cli("enqueue", "--id", "flaky", "--max-retries", "0",
                "if [ -f " + flag + " ]; then echo second run; else touch " + flag + "; echo first run; exit 3; fi");
        logIn();
        web.findElement(By.linkText("Dead letters")).click();
        WebElement link = awaitElement(By.cssSelector("main a[href='/jobs/flaky']"));
        assertTrue(web.findElement(By.cssSelector("main")).getText().contains("exit code 3"), "its last error");
        browser.screenshot("dead-letters");
        link.click();
        awaitElement(By.cssSelector("main h1 .badge.dead"));
        await().atMost(Duration.ofSeconds(10)).until(() -> web.findElement(By.id("output")).getText().contains("first run"));
        browser.screenshot("job-dead");
        web.findElement(By.cssSelector("[data-action='retry']")).click();
        awaitElement(By.cssSelector("main h1 .badge.completed"));
        await().atMost(Duration.ofSeconds(10)).until(() -> web.findElement(By.id("output")).getText().contains("second run"));
        assertEquals(2, web.findElements(By.cssSelector("main table tbody tr")).size(), "two runs in the history");
        browser.screenshot("job");
    }

    private static String stateOf(String id) {
        return CliRun.run(socket, "show", id, "--json").out;
    }

    @Test
    void deadLettersMatchingAFilterAreCountedThenRetriedInOneRequest() throws IOException {
        List<String> ids = List.of("grp-a1", "grp-a2", "grp-b1");
        for (String id : ids) {
            cli("enqueue", "--id", id, "--max-retries", "0", "--label", "grp=" + id.charAt(4), "exit 4");
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream()
                .allMatch(i -> stateOf(i).contains("\"state\":\"dead\"")));
        cli("worker", "stop");
        try {
            logIn();
            go("/dead?labels=grp%3Da");
            awaitElement(By.cssSelector("main a[href='/jobs/grp-a1']"));
            assertEquals(0, web.findElements(By.cssSelector("main a[href='/jobs/grp-b1']")).size(), "filtered");
            web.findElement(By.cssSelector("[data-action='retry-all']")).click();
            WebElement dialog = awaitElement(By.cssSelector("dialog"));
            assertTrue(dialog.getText().contains("Retry 2 dead jobs matching the filter?"), dialog.getText());
            browser.screenshot("dead-letters-filtered");
            dialog.findElement(By.cssSelector("button.danger")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> web.findElement(By.cssSelector("main")).getText()
                    .contains("Retried 2 jobs."));
            assertTrue(stateOf("grp-a1").contains("\"state\":\"pending\""), stateOf("grp-a1"));
            assertTrue(stateOf("grp-a2").contains("\"state\":\"pending\""), stateOf("grp-a2"));
            assertTrue(stateOf("grp-b1").contains("\"state\":\"dead\""), "outside the filter: " + stateOf("grp-b1"));
        } finally {
            cli("worker", "start");
        }
    }

    @Test
    void aReadOnlySessionShowsNoActionButtons() throws IOException {
        cli("enqueue", "--id", "ro-dead", "--max-retries", "0", "exit 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> CliRun.run(socket, "show", "ro-dead").out.contains("dead"));
        logIn("--read-only");
        assertEquals("read-only", web.findElement(By.cssSelector(".role")).getText());
        for (String page : List.of("/jobs/ro-dead", "/dead", "/workers", "/config")) {
            go(page);
            awaitElement(By.cssSelector(page.equals("/workers") ? "main .cards .card" : "main table"));
            assertEquals(0, web.findElements(By.cssSelector("main [data-action]")).size(), page);
            assertEquals(0, web.findElements(By.xpath("//main//input[not(ancestor::form[@role='search'])]"
                    + " | //main//select[@name='count'] | //main//textarea")).size(), page);
        }
        go("/jobs/ro-dead");
        awaitElement(By.cssSelector("main h1 .badge.dead"));
        browser.screenshot("job-read-only");
    }

    @Test
    void aJobsDirectoryEnvironmentLabelsAndHoldAreShownAndChangedOnItsPage() throws IOException {
        Path dir = Files.createDirectories(root.resolve("proj"));
        cli("enqueue", "--id", "ctx", "--cwd", dir.toString(), "--env", "API_TOKEN=hunter2-secret", "--label",
                "team=web", "--delay", "1h", "--", "make", "test");
        cli("enqueue", "--id", "other", "--label", "team=db", "--delay", "1h", "true");
        cli("hold", "ctx");
        logIn();
        go("/jobs/ctx");
        awaitElement(By.id("f-cwd"));
        assertEquals(dir.toString(), web.findElement(By.id("f-cwd")).getText());
        assertTrue(web.findElement(By.id("f-env")).getText().contains("API_TOKEN"), "the variable's name");
        assertEquals("team=web", web.findElement(By.id("f-labels")).getText());
        assertTrue(web.findElement(By.cssSelector("main .notice")).getText().startsWith("held"), "why it waits");
        assertFalse(web.getPageSource().contains("hunter2"), "never the variable's value");
        browser.screenshot("job-context");

        web.findElement(By.cssSelector("[data-action='release']")).click();
        awaitElement(By.cssSelector("[data-action='hold']"));
        await().atMost(Duration.ofSeconds(10)).until(() -> web.findElement(By.cssSelector("main .notice")).getText()
                .startsWith("not due until"));
        assertTrue(CliRun.run(socket, "show", "ctx", "--json").out.contains("\"held\":false"), "released in the daemon");

        web.findElement(By.cssSelector("[data-action='edit']")).click();
        WebElement priority = awaitElement(By.id("e-priority"));
        priority.clear();
        priority.sendKeys("7");
        WebElement labels = web.findElement(By.id("e-labels"));
        labels.clear();
        labels.sendKeys("team=api tier=1");
        browser.screenshot("job-edit");
        web.findElement(By.cssSelector("[data-action='save-edit']")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> web.findElements(
                By.cssSelector("#f-labels .tag")).stream().map(WebElement::getText).toList()
                .equals(List.of("team=api", "tier=1")));
        String shown = CliRun.run(socket, "show", "ctx", "--json").out;
        assertTrue(shown.contains("\"priority\":7") && shown.contains("\"tier\":\"1\""), shown);

        go("/jobs?labels=team%3Dapi");
        awaitElement(By.cssSelector("main a[href='/jobs/ctx']"));
        assertEquals(0, web.findElements(By.cssSelector("main a[href='/jobs/other']")).size(), "filtered by label");
        go("/jobs?search=make");
        awaitElement(By.cssSelector("main a[href='/jobs/ctx']"));
        assertEquals(0, web.findElements(By.cssSelector("main a[href='/jobs/other']")).size(), "filtered by search");
        browser.screenshot("jobs-filtered");
        cli("cancel", "ctx", "other");
    }

    @Test
    void markupInACommandAndItsOutputIsShownAsText() throws IOException {
        String evil = "<img src=x onerror=\"window.queuectlXss=1\"><script>window.queuectlXss=2</script>";
        cli("enqueue", "--id", "xss", "--", "printf", "%s\\n", evil);
        await().atMost(Duration.ofSeconds(10)).until(() -> CliRun.run(socket, "show", "xss").out.contains("completed"));
        logIn();
        go("/jobs");
        awaitElement(By.cssSelector("main a[href='/jobs/xss']"));
        assertTrue(web.findElement(By.cssSelector("main table")).getText().contains("<img src=x onerror="));
        browser.screenshot("jobs");
        go("/jobs/xss");
        await().atMost(Duration.ofSeconds(10)).until(() -> web.findElement(By.id("output")).getText().contains(evil));
        assertTrue(web.findElement(By.cssSelector("main dl")).getText().contains("<script>window.queuectlXss=2</script>"));
        assertEquals(0, web.findElements(By.cssSelector("main img, main script")).size(), "no element was made");
        assertNull(web.executeScript("return window.queuectlXss;"), "no script ran");

        cli("enqueue", "--id", "ansi", "printf '\\033[31mred\\033[0m\\n'");
        await().atMost(Duration.ofSeconds(10)).until(() -> CliRun.run(socket, "show", "ansi").out.contains("completed"));
        go("/jobs/ansi");
        await().atMost(Duration.ofSeconds(10)).until(() -> web.findElement(By.id("output")).getText()
                .contains("\\x1b[31mred\\x1b[0m"));
    }

    @Test
    void everyPageWorksByKeyboardAt360PixelsAndInDarkMode() throws IOException {
        browser.viewport(360, 800);
        logIn();
        web.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Skip to content", web.switchTo().activeElement().getText());
        WebElement jobs = web.findElement(By.linkText("Jobs"));
        jobs.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> web.getCurrentUrl().equals(base() + "/jobs"));
        long scrollWidth = (Long) web.executeScript("return document.documentElement.scrollWidth;");
        assertTrue(scrollWidth <= 360, "nothing wider than the screen: " + scrollWidth);
        go("/");
        awaitElement(By.cssSelector("[data-count='pending']"));
        browser.screenshot("overview-360");
        browser.darkMode(true);
        for (String page : List.of("/", "/jobs", "/dead", "/workers", "/config")) {
            go(page);
            awaitElement(By.cssSelector("main h1"));
            assertFalse(web.findElement(By.cssSelector("body")).getCssValue("background-color").equals("rgba(247, 248, 250, 1)"),
                    "the dark theme is on");
        }
        browser.screenshot("config-dark-360");
        go("/workers");
        browser.screenshot("workers-dark-360");
    }
}

package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Logging in with the CLI's link, the live overview, and what a read-only session may see: in
 * headless Chromium against a real daemon.
 */
class DashboardLoginBrowserIT extends DashboardBrowser {
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
}

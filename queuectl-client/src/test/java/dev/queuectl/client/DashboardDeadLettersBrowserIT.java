package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dead-letter page in headless Chromium against a real daemon: failed jobs appear, and are
 * retried one by one or by filter.
 */
class DashboardDeadLettersBrowserIT extends DashboardBrowser {
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

    @Test
    void deadLettersMatchingAFilterAreCountedThenRetriedInOneRequest() throws IOException {
        List<String> ids = List.of("grp-a1", "grp-a2", "grp-b1");
        for (String id : ids) {
            cli("enqueue", "--id", id, "--max-retries", "0", "--label", "grp=" + id.charAt(4), "exit 4");
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream()
                .allMatch(i -> shown(i).contains("\"state\":\"dead\"")));
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
            assertTrue(shown("grp-a1").contains("\"state\":\"pending\""), shown("grp-a1"));
            assertTrue(shown("grp-a2").contains("\"state\":\"pending\""), shown("grp-a2"));
            assertTrue(shown("grp-b1").contains("\"state\":\"dead\""), "outside the filter: " + shown("grp-b1"));
        } finally {
            cli("worker", "start");
        }
    }
}

package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The job page in headless Chromium against a real daemon: its context, hold and release, the
 * edit form, and markup shown as text.
 */
class DashboardJobBrowserIT extends DashboardBrowser {
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
}

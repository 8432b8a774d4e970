package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Every page by keyboard, at 360 px wide and in the dark theme, in headless Chromium. */
class DashboardLayoutBrowserIT extends DashboardBrowser {
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

    private long pageWidth() {
        return (Long) web.executeScript("return document.documentElement.scrollWidth;");
    }

    @Test
    void theJobsFiltersBulkBarAndEditFormFit360PixelsAndWorkByKeyboard() throws IOException {
        cli("enqueue", "--id", "narrow", "--env", "SOME_LONG_VARIABLE_NAME=x", "--delay", "1h", "true");
        browser.viewport(360, 800);
        logIn();
        go("/jobs?state=pending&state=failed&since=2000-01-01T00%3A00%3A00Z");
        WebElement box = awaitElement(By.cssSelector("input[aria-label='Select job narrow']"));
        box.sendKeys(Keys.SPACE);
        WebElement hold = awaitElement(By.cssSelector("[data-action='bulk-hold']"));
        assertTrue(pageWidth() <= 360, "nothing wider than the screen: " + pageWidth());
        browser.screenshot("jobs-bulk-360");
        hold.sendKeys(Keys.ENTER);
        awaitText("Held 1 job.");
        go("/jobs/narrow");
        awaitElement(By.cssSelector("[data-action='edit']")).sendKeys(Keys.ENTER);
        awaitElement(By.id("e-env"));
        assertTrue(pageWidth() <= 360, "the edit form fits: " + pageWidth());
        browser.screenshot("job-edit-360");
        cli("cancel", "narrow");
    }
}

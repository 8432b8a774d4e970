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
import org.openqa.selenium.WebElement;

/**
 * The Jobs page in headless Chromium against a real daemon: several states and created
 * since/until at once, checked as the CLI checks them, with cursor paging keeping the filter;
 * bulk actions on selected rows or on every job the filter matches.
 */
class DashboardJobsBrowserIT extends DashboardBrowser {
    private List<String> bulkButtons() {
        return web.findElements(By.cssSelector("#bulk [data-action]")).stream()
                .map(b -> b.getAttribute("data-action")).toList();
    }

    private void pick(String id) {
        awaitElement(By.cssSelector("input[aria-label='Select job " + id + "']")).click();
    }

    @Test
    void severalStatesAndCreatedSinceUntilFilterTheListAndBadTimesAreRefusedBesideTheirField() throws IOException {
        cli("enqueue", "--id", "flt-pending", "--delay", "1h", "true");
        cli("enqueue", "--id", "flt-dead", "--max-retries", "0", "exit 1");
        cli("enqueue", "--id", "flt-done", "true");
        await().atMost(Duration.ofSeconds(15)).until(() -> shown("flt-dead").contains("\"state\":\"dead\"")
                && shown("flt-done").contains("\"state\":\"completed\""));
        expectRefusals("/api/v1/jobs?");
        logIn();
        go("/jobs");
        awaitElement(By.id("f-state-pending")).click();
        web.findElement(By.id("f-state-dead")).click();
        type(By.id("f-search"), "flt-");
        type(By.id("f-since"), "1h");
        web.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> web.getCurrentUrl().contains("state=pending&state=dead"));
        assertTrue(web.getCurrentUrl().contains("since=20"), "since sent as a time: " + web.getCurrentUrl());
        awaitElement(By.cssSelector("main a[href='/jobs/flt-dead']"));
        awaitElement(By.cssSelector("main a[href='/jobs/flt-pending']"));
        assertEquals(0, web.findElements(By.cssSelector("main a[href='/jobs/flt-done']")).size(),
                "not in a chosen state");
        assertTrue(web.findElement(By.id("f-state-dead")).isSelected(), "the form shows the filter");
        browser.screenshot("jobs-states-since");

        String before = web.getCurrentUrl();
        type(By.id("f-since"), "yesterday-ish");
        web.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        WebElement error = awaitElement(By.id("f-since-error"));
        assertTrue(error.getText().contains("'yesterday-ish' is neither a time"), error.getText());
        assertEquals("true", web.findElement(By.id("f-since")).getAttribute("aria-invalid"));
        assertEquals(before, web.getCurrentUrl(), "nothing was asked of the daemon");

        type(By.id("f-since"), "1h");
        type(By.id("f-until"), "2h");
        web.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        WebElement refused = awaitElement(By.id("f-until-error"));
        assertTrue(refused.getText().contains("'since' must be before 'until'"),
                "the daemon's check: " + refused.getText());
        browser.screenshot("jobs-until-refused");

        go("/jobs?search=flt-&until=2000-01-01T00%3A00%3A00Z");
        awaitText("No jobs match.");
    }

    @Test
    void theCursorPagesKeepEveryFilter() throws IOException {
        for (int i = 0; i < 53; i++) {
            cli("enqueue", "--id", String.format("pg-%02d", i), "--delay", "1h", "true");
        }
        logIn();
        go("/jobs?state=pending&state=failed&search=pg-&since=2000-01-01T00%3A00%3A00Z&limit=50");
        awaitElement(By.cssSelector("main a[href='/jobs/pg-49']"));
        assertEquals(0, web.findElements(By.cssSelector("main a[href='/jobs/pg-50']")).size(), "50 per page");
        web.findElement(By.cssSelector("a[rel=next]")).click();
        awaitElement(By.cssSelector("main a[href='/jobs/pg-52']"));
        String url = web.getCurrentUrl();
        assertTrue(url.contains("cursor=") && url.contains("state=pending&state=failed") && url.contains("since=")
                && url.contains("search=pg-"), url);
        assertEquals(3, web.findElements(By.cssSelector("main tbody tr")).size());
    }

    @Test
    void selectedRowsAreHeldThenEveryMatchingJobIsCountedConfirmedAndCancelled() throws IOException {
        for (String id : List.of("bk-1", "bk-2", "bk-3")) {
            cli("enqueue", "--id", id, "--label", "set=bk", "--delay", "1h", "true");
        }
        cli("enqueue", "--id", "bk-done", "--label", "set=bk", "true");
        await().atMost(Duration.ofSeconds(10)).until(() -> shown("bk-done").contains("\"state\":\"completed\""));
        logIn();
        go("/jobs?labels=set%3Dbk");
        awaitElement(By.cssSelector("main a[href='/jobs/bk-3']"));
        assertFalse(web.findElement(By.id("bulk")).isDisplayed(), "no actions until something is selected");
        pick("bk-1");
        pick("bk-2");
        await().atMost(Duration.ofSeconds(5)).until(() -> bulkButtons().equals(List.of("bulk-cancel", "bulk-hold")));
        web.findElement(By.cssSelector("[data-action='bulk-hold']")).click();
        awaitText("Held 2 jobs.");
        assertTrue(shown("bk-1").contains("\"held\":true") && shown("bk-2").contains("\"held\":true"), shown("bk-1"));
        assertTrue(shown("bk-3").contains("\"held\":false"), "not selected: " + shown("bk-3"));

        pick("bk-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> bulkButtons().equals(List.of("bulk-cancel", "bulk-release")));
        pick("bk-1");
        pick("bk-done");
        await().atMost(Duration.ofSeconds(5)).until(() -> bulkButtons().equals(List.of("bulk-rerun")));
        pick("bk-done");

        go("/jobs?state=pending&labels=set%3Dbk");
        awaitElement(By.id("pick-matching")).click();
        awaitElement(By.cssSelector("[data-action='bulk-cancel']"));
        assertTrue(web.findElement(By.id("bulk-scope")).getText().contains("jobs matching the filter"),
                web.findElement(By.id("bulk-scope")).getText());
        assertFalse(bulkButtons().contains("bulk-rerun"), "rerun does not apply to pending jobs: " + bulkButtons());
        web.findElement(By.cssSelector("[data-action='bulk-cancel']")).click();
        WebElement dialog = awaitElement(By.cssSelector("dialog"));
        assertTrue(dialog.getText().contains("Cancel 3 jobs?"), "the dry run's count: " + dialog.getText());
        browser.screenshot("jobs-bulk-confirm");
        dialog.findElement(By.cssSelector("button:not(.danger)")).click();
        assertTrue(shown("bk-3").contains("\"state\":\"pending\""), "declined: nothing changed");
        web.findElement(By.cssSelector("[data-action='bulk-cancel']")).click();
        awaitElement(By.cssSelector("dialog button.danger")).click();
        awaitText("Cancelled 3 jobs.");
        for (String id : List.of("bk-1", "bk-2", "bk-3")) {
            assertTrue(shown(id).contains("\"state\":\"dead\""), shown(id));
        }
        assertTrue(shown("bk-done").contains("\"state\":\"completed\""), "outside the filter: " + shown("bk-done"));
    }

    @Test
    void aReadOnlySessionGetsNoSelectionOrBulkButtons() throws IOException {
        cli("enqueue", "--id", "ro-jobs", "--delay", "1h", "true");
        logIn("--read-only");
        go("/jobs");
        awaitElement(By.cssSelector("main a[href='/jobs/ro-jobs']"));
        assertEquals(0, web.findElements(By.cssSelector("main input.pick, #bulk, #pick-matching")).size());
        cli("cancel", "ro-jobs");
    }
}

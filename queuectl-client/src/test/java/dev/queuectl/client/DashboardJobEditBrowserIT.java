package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The job page's edit form in headless Chromium against a real daemon: working directory,
 * environment (added and removed by name, values never shown back), delay or run-at time and
 * timeout, with the daemon's complaints shown beside the field they are about.
 */
class DashboardJobEditBrowserIT extends DashboardBrowser {
    private void save() {
        web.findElement(By.cssSelector("[data-action='save-edit']")).click();
    }

    private String fieldError(String field) {
        return awaitElement(By.id("e-" + field + "-error")).getText();
    }

    @Test
    void directoryEnvironmentDelayAndTimeoutAreEditedAndRefusalsShowBesideTheirField() throws IOException {
        Path dir = Files.createDirectories(root.resolve("work"));
        cli("enqueue", "--id", "ed", "--env", "KEEP=1", "--env", "DROP=drop-me-value", "--delay", "1h", "true");
        expectRefusals("/api/v1/jobs/ed/edit");
        logIn();
        go("/jobs/ed");
        awaitElement(By.cssSelector("[data-action='edit']")).click();
        awaitElement(By.id("e-cwd"));
        assertEquals("", web.findElement(By.id("e-env")).getAttribute("value"), "no values shown back");

        type(By.id("e-cwd"), "relative/dir");
        save();
        assertTrue(fieldError("cwd").contains("must be an absolute path"), "the daemon's check: " + fieldError("cwd"));
        type(By.id("e-cwd"), dir.toString());
        web.findElement(By.id("e-timeout-default")).click();
        type(By.id("e-timeout"), "soon");
        save();
        assertTrue(fieldError("timeout").contains("field 'timeout'"), fieldError("timeout"));
        assertEquals("true", web.findElement(By.id("e-timeout")).getAttribute("aria-invalid"));
        type(By.id("e-timeout"), "90s");
        type(By.id("e-run-at"), "tomorrow");
        save();
        assertTrue(fieldError("run_at").contains("'tomorrow' is not a time"), fieldError("run_at"));
        type(By.id("e-run-at"), "2030-01-02 03:04");
        type(By.id("e-delay"), "2h");
        save();
        assertTrue(fieldError("delay").contains("not both"), fieldError("delay"));
        web.findElement(By.id("e-run-at")).clear();
        type(By.id("e-delay"), "40000d");
        save();
        assertTrue(fieldError("delay").contains("field 'delay'"),
                "out of range for the daemon: " + fieldError("delay"));
        assertFalse(shown("ed").contains(dir.toString()), "a refused edit changes nothing: " + shown("ed"));

        type(By.id("e-delay"), "2h");
        type(By.id("e-env"), "NEW_VAR=brand-new-secret");
        web.findElement(By.cssSelector("input[value='DROP']")).click();
        browser.screenshot("job-edit-context");
        save();
        awaitText("Saved.");
        WebElement env = awaitElement(By.id("f-env"));
        assertTrue(env.getText().contains("NEW_VAR") && env.getText().contains("KEEP"), env.getText());
        assertFalse(env.getText().contains("DROP"), env.getText());
        assertEquals(dir.toString(), web.findElement(By.id("f-cwd")).getText());
        String json = shown("ed");
        assertTrue(json.contains("\"timeout\":90") && json.contains(dir.toString()), json);
        String secret = CliRun.run(socket, "show", "ed", "--show-env").out;
        assertTrue(secret.contains("brand-new-secret") && !secret.contains("drop-me-value"), secret);
        assertFalse(web.getPageSource().contains("brand-new-secret"), "never the value on the page");

        web.findElement(By.cssSelector("[data-action='edit']")).click();
        assertEquals("", awaitElement(By.id("e-env")).getAttribute("value"), "values are not shown back");
        web.findElement(By.id("e-cwd")).clear();
        web.findElement(By.id("e-timeout-default")).click();
        save();
        awaitText("Saved.");
        String after = shown("ed");
        assertFalse(after.contains(dir.toString()) || after.contains("\"timeout\":90"), "both unset: " + after);
        cli("cancel", "ed");
    }
}

package org.scadamqtt.host.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the browser tests do on the operator console page: open it and wait until it is live,
 * click through live re-renders, read table cells, keep screenshots. Every wait is bounded.
 */
final class ConsolePage {

    private final ChromeDriver browser;

    private ConsolePage(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Loads the console at {@code url} and waits (at most 10 s) until it shows "live". */
    static ConsolePage open(ChromeDriver browser, String url) {
        browser.get(url);
        ConsolePage page = new ConsolePage(browser);
        waitFor(Duration.ofSeconds(10), "the live indicator",
                () -> "live".equals(browser.findElement(By.id("live")).getText()));
        return page;
    }

    /** The page the browser shows now, as it is (for a screenshot of a failed test). */
    static ConsolePage of(ChromeDriver browser) {
        return new ConsolePage(browser);
    }

    /** The cell of class {@code cls} in the row of tag {@code tag}. */
    WebElement tagCell(String tag, String cls) {
        return browser.findElement(By.cssSelector("tr[data-tag='" + tag + "'] td." + cls));
    }

    /**
     * The text of the element {@code by} finds, finding it again when a live update re-rendered it
     * between finding and reading (tables re-render on every event; reading a replaced row throws).
     */
    String text(By by) {
        StaleElementReferenceException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return browser.findElement(by).getText();
            } catch (StaleElementReferenceException e) {
                last = e; // re-rendered meanwhile: find it again (anything else, e.g. not there, is thrown)
            }
        }
        throw last;
    }

    /** Clicks, finding the element again when a live update re-rendered it meanwhile. */
    void click(By by) {
        waitFor(Duration.ofSeconds(5), "clicking " + by, () -> {
            try {
                browser.findElement(by).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /**
     * Sends the value in the open write dialog: "Write", then "Confirm" on the step that shows
     * the value, tag and station back.
     */
    void sendWrite() {
        click(By.id("write-send"));
        waitFor(Duration.ofSeconds(5), "the confirmation step", () -> browser.findElement(By.id("write-confirm"))
                .isDisplayed());
        click(By.id("write-confirm"));
    }

    /** Saves a screenshot of the page as {@code fileName} in {@link HeadlessChromium#screenshotDir()}. */
    void keepScreenshot(String fileName) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path keep = HeadlessChromium.screenshotDir().resolve(fileName);
        Files.createDirectories(keep.getParent());
        Files.copy(shot, keep, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Polls {@code ok} until it holds; an exception while polling means "not rendered yet". */
    static void waitFor(Duration d, String what, BooleanSupplier ok) {
        long deadline = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (ok.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not rendered yet
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("not within " + d.toMillis() + " ms: " + what);
    }
}

package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.tag.QiValue;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * The operator console in a real (headless) browser against an in-memory host: the page loads,
 * values arrive live, the write dialog writes, station control shows the new state.
 */
class WebConsoleBrowserIT {

    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final FakeHostApi host = new FakeHostApi();
    private ChromeDriver browser;
    private ConsolePage page;

    private void open(String token) throws Exception {
        page = chromium.open(chromium.console(host, token));
        browser = chromium.driver();
    }

    @Test
    void showsTheTablesAndLiveValuesWithinTwoSeconds() throws Exception {
        Instant t = Instant.now();
        host.setTag("valve", "S1", TagType.Qi, TagValue.good(TagType.Qi, QiValue.Q_On, t, t));
        host.setTag("pump_run", "S1", TagType.Di, TagValue.good(TagType.Di, true, t, t));
        host.setTag("flow", "S1", TagType.Ai, new TagValue(TagType.Ai, 3.75, Quality.UNCERTAIN, Reason.STALE,
                "no time field 'ts' in the message; receive time used", t, t));
        host.setTag("last_seen", "S1", TagType.TiA, TagValue.good(TagType.TiA, t.minusSeconds(90), t, t));
        open(null);
        assertEquals("Q_On", page.tagCell("valve", "value").getText());
        assertEquals("true", page.tagCell("pump_run", "value").getText());
        assertEquals("UNCERTAIN", page.tagCell("flow", "quality").getText());
        assertTrue(page.tagCell("flow", "tag-reason").getText().contains("receive time used"));
        assertEquals("21.5", page.tagCell("temp", "value").getText());
        assertEquals("GOOD", page.tagCell("temp", "quality").getText());
        assertEquals("NOT WRITTEN", page.tagCell("setpoint", "quality").getText(), "never written: grey, not red BAD");
        assertTrue(page.tagCell("setpoint", "quality").getDomAttribute("title").contains("NOT_INITIALIZED"));
        assertEquals("CONNECTED",
                page.text(By.cssSelector("tr[data-line='L1'] td.status")));
        assertEquals("StOFF", page.text(By.cssSelector("tr[data-station='S2'] td.state")));

        for (double v : new double[] {22.0, 23.5, 21.0, 24.25, 22.75}) {
            Instant now = Instant.now();
            host.setTag("temp", "S1", TagType.Ai, TagValue.good(TagType.Ai, v, now, now));
            String expected = v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
            waitFor(Duration.ofSeconds(2), "temp = " + expected + " on the page",
                    () -> expected.equals(page.tagCell("temp", "value").getText()));
        }
        Instant now = Instant.now();
        host.setTag("temp", "S1", TagType.Ai, TagValue.good(TagType.Ai, 24.0, now, now)
                .invalidate(Reason.NOT_CONNECTED, "line L1 lost its broker", now));
        waitFor(Duration.ofSeconds(2), "temp BAD on the page", () -> "BAD".equals(page.tagCell("temp", "quality").getText()));
        assertTrue(page.tagCell("temp", "quality").getDomAttribute("title").contains("line L1 lost its broker"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-tag='temp'] svg.spark polyline")).size() == 1,
                "a numeric tag with several values draws a trend");
        page.keepScreenshot("console-browser-it.png");
    }

    @Test
    void theFilterHidesRowsThatDoNotMatch() throws Exception {
        open(null);
        browser.findElement(By.id("filter")).sendKeys("S2");
        waitFor(Duration.ofSeconds(2), "only S2's tags shown", () -> !page.tagCell("temp", "name").isDisplayed()
                && page.tagCell("text", "name").isDisplayed());
    }

    @Test
    void theWriteDialogWritesAndShowsTheResult() throws Exception {
        open(null);
        page.click(By.cssSelector("tr[data-tag='setpoint'] button.write"));
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("write-value")));
        assertTrue(browser.findElements(By.id("write-token")).stream().noneMatch(WebElement::isDisplayed),
                "no token field when writes are not protected");
        input.clear();
        input.sendKeys("12.5");
        page.sendWrite();
        waitFor(Duration.ofSeconds(5), "the write result", () ->
                page.text(By.id("write-result")).startsWith("OK"));
        page.keepScreenshot("console-write-dialog.png");
        assertEquals(1, host.writes.size());
        assertEquals("setpoint", host.writes.get(0)[0]);
        assertEquals(12.5, host.writes.get(0)[1]);
        assertTrue(browser.findElements(By.cssSelector("tr[data-tag='temp'] button.write")).stream()
                .noneMatch(WebElement::isDisplayed), "input tags of a live station have no write button");
    }

    @Test
    void aFailedWriteShowsItsReason() throws Exception {
        host.onWrite = (t, v) -> java.util.concurrent.CompletableFuture.completedFuture(
                org.scadamqtt.driver.WriteResult.failed(org.scadamqtt.driver.WriteFailure.NOT_CONNECTED,
                        "Line L1 is not connected to a broker; the write of setpoint was not sent."));
        open(null);
        page.click(By.cssSelector("tr[data-tag='setpoint'] button.write"));
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("write-value")));
        input.sendKeys("3");
        page.sendWrite();
        waitFor(Duration.ofSeconds(5), "the failure", () ->
                page.text(By.id("write-result")).startsWith("NOT_CONNECTED: Line L1"));
    }

    @Test
    void stationOffShowsStOff() throws Exception {
        open(null);
        page.click(By.cssSelector("tr[data-station='S1'] button[data-control='StOFF']"));
        waitFor(Duration.ofSeconds(2), "S1 StOFF on the page", () -> "StOFF".equals(
                page.text(By.cssSelector("tr[data-station='S1'] td.state"))));
        assertEquals(StationControl.OFF, host.controls.get(0)[1]);
    }

    @Test
    void withATokenThePageAsksOnceAndWrites() throws Exception {
        open("s3cret");
        page.click(By.cssSelector("tr[data-tag='setpoint'] button.write"));
        WebElement token = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        token.sendKeys("s3cret");
        page.click(By.id("token-ok"));
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("write-value")));
        input.sendKeys("7");
        page.sendWrite();
        waitFor(Duration.ofSeconds(5), "the write result", () ->
                page.text(By.id("write-result")).startsWith("OK"));
        page.click(By.id("write-close"));
        // the second action does not ask again
        page.click(By.cssSelector("tr[data-station='S1'] button[data-control='StSIMUL']"));
        waitFor(Duration.ofSeconds(2), "S1 StSIMUL", () -> "StSIMUL".equals(
                page.text(By.cssSelector("tr[data-station='S1'] td.state"))));
        assertEquals(1, host.writes.size());
    }
}

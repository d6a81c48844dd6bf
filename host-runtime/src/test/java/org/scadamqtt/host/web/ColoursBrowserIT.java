package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * Issue 11, "colours that mean something", in headless Chromium: red only for faults an operator
 * must see; never written, switched off and not yet received are grey with the reason; a row
 * flashes only when what it shows changed.
 */
class ColoursBrowserIT {

    private static final String RED = "rgba(248, 81, 73, 1)";
    private static final String GREY = "rgba(74, 82, 93, 1)";
    private static final String ORANGE = "rgba(240, 136, 62, 1)";

    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final FakeHostApi host = new FakeHostApi();
    private WebConsole console;
    private ChromeDriver browser;
    private ConsolePage page;

    @BeforeEach
    void start() {
        console = chromium.console(host, null);
        browser = chromium.driver();
    }

    private WebElement badge(String tag) {
        return page.tagCell(tag, "quality").findElement(By.cssSelector(".badge"));
    }

    private String colour(String tag) {
        return badge(tag).getCssValue("background-color");
    }

    @Test
    void redOnlyForFaultsGreyWithTheReasonForChoiceAndNotYet() throws Exception {
        Instant t = Instant.now();
        host.setTag("waiting", "S1", TagType.Ai, TagValue.notInitialized(TagType.Ai, t));
        host.setTag("broken", "S1", TagType.Ai, TagValue.bad(TagType.Ai, Reason.PAYLOAD_ERROR,
                "payload of plant/s1 is not JSON", t));
        host.setTag("missing", "S1", TagType.Ai, TagValue.bad(TagType.Ai, Reason.MISSING_IN_PAYLOAD,
                "no field 'temp' in the message", t));
        host.setTag("linedown", "S1", TagType.Ai, TagValue.bad(TagType.Ai, Reason.NOT_CONNECTED,
                "line L1 is down: line down longer than the time filter of 10.0 s", t));
        host.setTag("will", "S1", TagType.Ai, TagValue.bad(TagType.Ai, Reason.STATION_ERROR,
                "station S1 reported its will message", t));
        page = chromium.open(console);

        assertEquals("NOT WRITTEN", badge("setpoint").getText());
        assertEquals(GREY, colour("setpoint"));
        assertEquals("never written since the host started", page.tagCell("setpoint", "tag-reason").getText());
        assertEquals("OFF", badge("text").getText());
        assertEquals(GREY, colour("text"));
        assertEquals("station S2 is off", page.tagCell("text", "tag-reason").getText());
        assertEquals("WAITING", badge("waiting").getText());
        assertEquals(GREY, colour("waiting"));
        assertEquals("waiting for first value", page.tagCell("waiting", "tag-reason").getText());
        for (String fault : new String[] {"broken", "missing", "linedown", "will"}) {
            assertEquals("BAD", badge(fault).getText(), fault);
            assertEquals(RED, colour(fault), fault + " is a fault: red");
        }
        assertTrue(page.tagCell("broken", "tag-reason").getText().contains("not JSON"));
        host.setStation("S1", org.scadamqtt.driver.StationState.StHARDERR, "will message received");
        waitFor(Duration.ofSeconds(3), "S1 StHARDERR in red", () -> RED.equals(browser.findElement(
                By.cssSelector("tr[data-station='S1'] td.state .badge")).getCssValue("background-color")));
        assertEquals("rgba(139, 148, 158, 1)", browser.findElement(By.cssSelector("tr[data-station='S2'] td.state .badge"))
                .getCssValue("background-color"), "a station switched off is grey");
        assertTrue(page.text(By.id("counts")).contains("4 bad, 3 idle"),
                page.text(By.id("counts")));
        page.keepScreenshot("console-colours.png");
    }

    @Test
    void aStationInComErrIsOrangeAndADisconnectedLineRed() throws Exception {
        page = chromium.open(console);
        String s1 = "tr[data-station='S1'] td.state .badge";
        String l1 = "tr[data-line='L1'] td.status .badge";
        assertEquals("rgba(63, 185, 80, 1)", browser.findElement(By.cssSelector(l1)).getCssValue("background-color"),
                "a connected line is green");

        host.setStation("S1", org.scadamqtt.driver.StationState.StCOMERR, "no message for 60 s");
        waitFor(Duration.ofSeconds(3), "S1 StCOMERR", () -> "StCOMERR".equals(browser.findElement(
                By.cssSelector(s1)).getText()));
        assertEquals(ORANGE, browser.findElement(By.cssSelector(s1)).getCssValue("background-color"),
                "a communication error is orange, not the red of a hard error");

        host.setLine(new org.scadamqtt.driver.LineStatus("L1", org.scadamqtt.driver.LineState.DISCONNECTED, "",
                "cannot connect to tcp://127.0.0.1:1883: connection refused", Instant.now(), null));
        waitFor(Duration.ofSeconds(3), "L1 DISCONNECTED", () -> "DISCONNECTED".equals(browser.findElement(
                By.cssSelector(l1)).getText()));
        assertEquals(RED, browser.findElement(By.cssSelector(l1)).getCssValue("background-color"),
                "a line that is down is red");
        page.keepScreenshot("console-comerr-disconnected.png");
    }

    @Test
    void aRowFlashesOnlyWhenWhatItShowsChanged() throws Exception {
        page = chromium.open(console);
        WebElement row = browser.findElement(By.cssSelector("tr[data-tag='temp']"));
        assertFalse(row.getDomAttribute("class") != null && row.getDomAttribute("class").contains("flash"));

        Instant t = Instant.parse("2026-01-31T12:00:05.000Z");
        host.setTag("temp", "S1", TagType.Ai, TagValue.good(TagType.Ai, 21.5, t, t)); // same value, new message
        waitFor(Duration.ofSeconds(3), "the new receive time", () ->
                page.tagCell("temp", "receive").getText().equals("2026-01-31 12:00:05.000"));
        String cls = browser.findElement(By.cssSelector("tr[data-tag='temp']")).getDomAttribute("class");
        assertFalse(cls != null && cls.contains("flash"), "an equal value does not flash: " + cls);

        Instant t2 = Instant.parse("2026-01-31T12:00:06.000Z");
        host.setTag("temp", "S1", TagType.Ai, TagValue.good(TagType.Ai, 22.0, t2, t2));
        waitFor(Duration.ofSeconds(3), "a changed value flashes", () ->
                browser.findElement(By.cssSelector("tr[data-tag='temp']")).getDomAttribute("class").contains("flash"));
    }
}

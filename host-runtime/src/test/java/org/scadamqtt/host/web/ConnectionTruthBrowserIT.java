package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineCounters;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.host.tags.TagTable;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;
import org.scadamqtt.testsupport.TcpProxy;

/**
 * Issue 11, "connection truth", in headless Chromium: without the host every value greys out
 * under a banner saying since when; after a line reconnects its tags say "waiting for first
 * value" in a neutral colour and the line row no longer shows the old failure.
 */
class ConnectionTruthBrowserIT {

    /** The grey every value turns when the host is gone (console.css, body.no-host). */
    private static final String GREYED = "rgba(107, 115, 128, 1)";

    @RegisterExtension
    final Chromium chromium = new Chromium();
    @TempDir
    Path tmp;
    private WebConsole console;
    private ChromeDriver browser;
    private ConsolePage page;

    @Test
    void hostGoneGreysEveryValueUnderABannerWithinThreeSecondsUntilItIsBack() throws Exception {
        FakeHostApi host = new FakeHostApi();
        console = chromium.console(host, null);
        int port = console.port();
        page = chromium.open(console);
        browser = chromium.driver();
        assertFalse(GREYED.equals(page.tagCell("temp", "value").getCssValue("color")));
        assertFalse(browser.findElement(By.id("banner")).isDisplayed());

        console.stop(); // as the page sees a killed host: the stream ends and nothing answers
        long lost = System.nanoTime();
        waitFor(Duration.ofSeconds(3), "the no-connection banner", () -> browser.findElement(By.id("banner"))
                .getText().matches("no connection to the host since \\d\\d:\\d\\d:\\d\\d UTC.*"));
        long millis = (System.nanoTime() - lost) / 1_000_000;
        for (String tag : List.of("temp", "count", "setpoint", "text")) {
            assertEquals(GREYED, page.tagCell(tag, "value").getCssValue("color"), tag + " greyed");
        }
        assertEquals("GOOD", page.tagCell("temp", "quality").getText(), "the last state stays readable");
        assertTrue(page.tagCell("temp", "quality").findElement(By.cssSelector(".badge")).getCssValue("background-color")
                .equals("rgba(58, 63, 71, 1)"), "no green while the host is gone");
        page.keepScreenshot("console-host-lost.png");
        System.out.println("host lost shown after " + millis + " ms");

        Thread.sleep(1500); // still grey while nobody answers
        assertTrue(browser.findElement(By.tagName("body")).getDomAttribute("class").contains("no-host"));

        Instant t = Instant.now();
        host.setTag("temp", "S1", TagType.Ai, TagValue.good(TagType.Ai, 30.5, t, t));
        console = chromium.console(host, port, null);
        waitFor(Duration.ofSeconds(15), "the page back live and reloaded", () ->
                "live".equals(page.text(By.id("live")))
                        && "30.5".equals(page.tagCell("temp", "value").getText()));
        assertFalse(browser.findElement(By.id("banner")).isDisplayed());
        assertFalse(GREYED.equals(page.tagCell("temp", "value").getCssValue("color")));
    }

    /**
     * A hung host or a link cut somewhere on the way: the event stream stays open, nothing closes,
     * the heartbeats just stop. Only the page's watchdog (console.js watchHost) can tell; here the
     * browser reaches the console through a proxy that keeps every socket open and swallows the
     * bytes.
     */
    @Test
    void aHostThatHangsWithTheStreamOpenGreysEveryValueWithinThreeSeconds() throws Exception {
        FakeHostApi host = new FakeHostApi();
        console = chromium.console(host, null);
        TcpProxy proxy = TcpProxy.start("127.0.0.1", console.port());
        chromium.closeAfter(proxy);
        page = chromium.open("http://127.0.0.1:" + proxy.port() + "/");
        browser = chromium.driver();
        assertFalse(GREYED.equals(page.tagCell("temp", "value").getCssValue("color")));

        proxy.halfOpen();
        long hung = System.nanoTime();
        waitFor(Duration.ofSeconds(3), "the no-connection banner while the stream stays open", () ->
                page.text(By.id("banner"))
                        .matches("no connection to the host since \\d\\d:\\d\\d:\\d\\d UTC.*"));
        long millis = (System.nanoTime() - hung) / 1_000_000;
        for (String tag : List.of("temp", "count", "setpoint", "text")) {
            assertEquals(GREYED, page.tagCell(tag, "value").getCssValue("color"), tag + " greyed");
        }
        assertTrue(page.tagCell("temp", "quality").findElement(By.cssSelector(".badge")).getCssValue("background-color")
                .equals("rgba(58, 63, 71, 1)"), "no green while the host does not answer");
        page.keepScreenshot("console-host-hung.png");
        System.out.println("hung host shown after " + millis + " ms");
    }

    @Test
    void afterALineReconnectsItsTagsSayWaitingInANeutralColourThenShowTheNewValue() throws Exception {
        StationConfig boiler = new StationConfig("BOILER", "plant/boiler", InitialState.ON, null,
                List.of(new TagConfig("BOILER_TEMP", TagType.Ai, "JA=temp", null)), null);
        LineConfig plant = new LineConfig("PLANT", "mqtt", List.of("tcp://127.0.0.1"), 1883, null, List.of(boiler), null);
        TagTable table = new TagTable(new ScadaConfig("test", List.of(plant)));
        DriverContext driver = table.contextFor("PLANT", tmp, "h");
        Instant t = Instant.now();
        driver.lineStatus(new LineStatus("PLANT", LineState.CONNECTED, "tcp://127.0.0.1:1883", "", t, null));
        driver.stationState("BOILER", StationState.StON, "connected");
        TagValue good = TagValue.good(TagType.Ai, 71.5, t, t);
        driver.publish("BOILER", List.of(new TagUpdate("BOILER_TEMP", good)));
        String failure = "cannot connect to tcp://127.0.0.1:1883: connection refused";
        LineCounters counters = new LineCounters(1, 5, 0, 50, 0, 1, 0, 0, failure, t);
        driver.lineStatus(new LineStatus("PLANT", LineState.DISCONNECTED, "", failure, t, counters));
        driver.stationState("BOILER", StationState.StHARDERR, "line down longer than the time filter of 10.0 s");
        driver.publish("BOILER", List.of(new TagUpdate("BOILER_TEMP", good.invalidate(Reason.NOT_CONNECTED,
                "line PLANT is down: line down longer than the time filter of 10.0 s", t))));

        console = chromium.console(table, null);
        page = chromium.open(console);
        browser = chromium.driver();
        assertEquals("BAD", page.tagCell("BOILER_TEMP", "quality").getText());
        assertTrue(lineReason().getText().contains("cannot connect"));

        driver.lineStatus(new LineStatus("PLANT", LineState.CONNECTED, "tcp://127.0.0.1:1883", "", Instant.now(),
                counters));
        driver.stationState("BOILER", StationState.StON, "connected");
        waitFor(Duration.ofSeconds(3), "BOILER_TEMP waiting", () ->
                "WAITING".equals(page.tagCell("BOILER_TEMP", "quality").getText()));
        assertEquals("waiting for first value", page.tagCell("BOILER_TEMP", "tag-reason").getText());
        assertEquals("rgba(74, 82, 93, 1)", page.tagCell("BOILER_TEMP", "quality")
                .findElement(By.cssSelector(".badge")).getCssValue("background-color"), "neutral grey, not red");
        waitFor(Duration.ofSeconds(3), "the line row without the old failure", () ->
                !lineReason().getText().contains("cannot connect"));
        assertTrue(lineReason().getDomAttribute("title").contains(failure), "the old failure is in the tooltip");
        page.keepScreenshot("console-waiting-after-reconnect.png");

        Instant t2 = Instant.now();
        driver.publish("BOILER", List.of(new TagUpdate("BOILER_TEMP", TagValue.good(TagType.Ai, 72.0, t2, t2))));
        waitFor(Duration.ofSeconds(3), "BOILER_TEMP GOOD", () ->
                "GOOD".equals(page.tagCell("BOILER_TEMP", "quality").getText())
                        && "72".equals(page.tagCell("BOILER_TEMP", "value").getText()));
    }

    private org.openqa.selenium.WebElement lineReason() {
        return browser.findElement(By.cssSelector("tr[data-line='PLANT'] td.reason"));
    }
}

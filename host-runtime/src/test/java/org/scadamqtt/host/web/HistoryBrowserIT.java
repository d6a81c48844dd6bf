package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.scadamqtt.host.HostRuntime;
import org.scadamqtt.host.broker.EmbeddedBroker;

/**
 * Issue 11, history, end to end: values published to the embedded broker reach the real host,
 * its history store and the page; the sparkline and the trend view show them after a page reload
 * and after the host is stopped and a new one started on the same data folder; the CSV link
 * downloads them; dragging across the chart zooms and "reset zoom" goes back.
 */
@Timeout(240)
class HistoryBrowserIT {

    private static final String CONFIG = """
            <scada xmlns="urn:scada-mqtt:config:1">
              <line name="PLANT" protocol="mqtt">
                <host>embedded</host>
                <param name="payloadType">JSON</param>
                <param name="topicFilter">plant/#</param>
                <station name="BOILER" address="plant/boiler">
                  <tag name="BOILER_TEMP" type="Ai" address="JA=temp"/>
                  <tag name="BOILER_PRESS" type="Ai" address="JA=press"/>
                </station>
                <station name="PROBE" address="plant/probe">
                  <tag name="PROBE_TEXT" type="TxtI" address="JA=text"/>
                </station>
              </line>
            </scada>
            """;

    @RegisterExtension
    final Chromium chromium = new Chromium();
    @TempDir
    Path tmp;
    private HostRuntime host;
    private ChromeDriver browser;
    private ConsolePage page;

    private HostRuntime startHost(Path config) throws Exception {
        return chromium.host(config, tmp.resolve("data"), EmbeddedBroker.freePort(), 0);
    }

    private void publishBoiler(String... payloads) throws Exception {
        for (String p : payloads) {
            publish("plant/boiler", p);
            Thread.sleep(20); // distinct receive times
        }
    }

    private void publish(String topic, String payload) throws Exception {
        TestPublisher.publish(host.broker().uri(), topic, payload);
    }

    private ConsoleHttp http() {
        return new ConsoleHttp(URI.create(host.webUrl()).getPort());
    }

    /** The trend view opened (it stays closed after a reload, as the audit trail does). */
    private void openTrend() {
        if (browser.findElement(By.id("trend-details")).getDomAttribute("open") == null) {
            page.click(By.cssSelector("#trend-details > summary"));
        }
    }

    private String drawnPoints(String tag) {
        return browser.findElement(By.cssSelector("#trend-chart g.trend-line[data-tag='" + tag + "']"))
                .getDomAttribute("data-points");
    }

    /**
     * Both tags on the chart. The page keeps the choice per origin (local storage): a reload
     * keeps it, the restarted host on another port starts with the first tag only.
     */
    private void showsThreePointsEach(String when) {
        openTrend();
        WebElement press = browser.findElement(By.cssSelector("#trend-picker input[data-tag='BOILER_PRESS']"));
        if (!press.isSelected()) {
            page.click(By.cssSelector("#trend-picker input[data-tag='BOILER_PRESS']"));
        }
        waitFor(Duration.ofSeconds(10), "three points of each tag on the trend " + when, () ->
                "3".equals(drawnPoints("BOILER_TEMP")) && "3".equals(drawnPoints("BOILER_PRESS")));
        assertEquals(3, browser.findElements(By.cssSelector("#trend-chart text.x-label")).size() / 2,
                "six time labels");
        assertTrue(page.text(By.id("trend-legend")).contains("BOILER_TEMP · 3 points · last 63.5"),
                page.text(By.id("trend-legend")));
        waitFor(Duration.ofSeconds(5), "the BOILER_TEMP sparkline from the history " + when, () ->
                page.tagCell("BOILER_TEMP", "trend").findElement(By.tagName("title")).getDomProperty("textContent")
                        .startsWith("last 3 values, min 61.5, max 63.5"));
    }

    @Test
    void theTrendShowsTheHistoryAfterAPageReloadAndAHostRestartAndExportsIt() throws Exception {
        Path config = tmp.resolve("plant.xml");
        Files.writeString(config, CONFIG);
        host = startHost(config);
        waitFor(Duration.ofSeconds(30), "line PLANT connected", () -> host.table().lines().get(0).status() != null
                && host.table().lines().get(0).status().state().name().equals("CONNECTED"));
        TestPublisher.awaitProbe(host);
        publishBoiler("{\"temp\": 61.5, \"press\": 1.1}", "{\"temp\": 62.5, \"press\": 1.2}",
                "{\"temp\": 63.5, \"press\": 1.3}");
        waitFor(Duration.ofSeconds(10), "three points of BOILER_TEMP in the history", () ->
                recorded("BOILER_TEMP") == 3);

        page = chromium.open(host.webUrl());
        browser = chromium.driver();
        showsThreePointsEach("on the first load");
        screenshotOfTrend("console-trend.png");

        browser.navigate().refresh();
        page = chromium.open(host.webUrl());
        openTrend();
        assertTrue(browser.findElement(By.cssSelector("#trend-picker input[data-tag='BOILER_PRESS']")).isSelected(),
                "the reloaded page keeps the tags chosen");
        showsThreePointsEach("after a page reload");

        host.close();
        host = startHost(config);
        page = chromium.open(host.webUrl());
        showsThreePointsEach("after a host restart");
        screenshotOfTrend("console-trend-after-restart.png");

        String csvLink = browser.findElement(By.id("trend-csv")).getDomAttribute("href");
        assertTrue(csvLink.startsWith("/api/history.csv?tag=BOILER_TEMP&tag=BOILER_PRESS"), csvLink);
        String csv = http().get(csvLink).body();
        // the restart is a gap (a row without value, quality BAD) after the values from before it
        List<String> temps = csv.lines().filter(l -> l.contains(",BOILER_TEMP,") && l.endsWith(",GOOD"))
                .map(l -> l.split(",")[2]).toList();
        assertEquals(List.of("61.5", "62.5", "63.5"), temps, csv);
        assertEquals(3, csv.lines().filter(l -> l.contains(",BOILER_PRESS,") && l.endsWith(",GOOD")).count(), csv);
        assertTrue(csv.startsWith("time,tag,value,quality\r\n"), csv);

        zoomsByDraggingAndResets();
    }

    private void screenshotOfTrend(String name) throws Exception {
        browser.executeScript("document.getElementById('trend-section').scrollIntoView()");
        page.keepScreenshot(name);
    }

    private int recorded(String tag) {
        try {
            return http().get("/api/history?tag=" + tag).json().get(0).get("points").size();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void zoomsByDraggingAndResets() throws Exception {
        page.click(By.cssSelector("#trend-section button[data-range='all']"));
        String all = page.text(By.id("trend-span"));
        WebElement chart = browser.findElement(By.id("trend-chart"));
        int w = chart.getSize().getWidth();
        // from left of the time axis (its start: the first point) to the middle of the chart
        new Actions(browser).moveToElement(chart, -w / 2 + 5, 0).clickAndHold().moveByOffset(w / 2, 0).release()
                .perform();
        waitFor(Duration.ofSeconds(5), "a zoomed range still showing the three points", () ->
                browser.findElement(By.id("trend-reset")).isEnabled()
                        && !all.equals(page.text(By.id("trend-span")))
                        && "3".equals(drawnPoints("BOILER_TEMP")));
        screenshotOfTrend("console-trend-zoomed.png");
        page.click(By.id("trend-reset"));
        waitFor(Duration.ofSeconds(5), "the zoom reset", () -> !browser.findElement(By.id("trend-reset")).isEnabled());
    }
}

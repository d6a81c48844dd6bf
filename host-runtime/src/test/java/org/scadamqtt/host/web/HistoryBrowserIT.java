package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.scadamqtt.host.ConsoleKind;
import org.scadamqtt.host.HostOptions;
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
              </line>
            </scada>
            """;

    @TempDir
    Path tmp;
    private HostRuntime host;
    private ChromeDriver browser;
    private ConsolePage page;

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (host != null) {
            host.close();
        }
    }

    private HostRuntime startHost(Path config) throws Exception {
        return HostRuntime.start(new HostOptions(config, null, tmp.resolve("data"), EmbeddedBroker.freePort(),
                "127.0.0.1", 0, null, ConsoleKind.web, 0), new PrintStream(new ByteArrayOutputStream(), true));
    }

    private void publish(String... payloads) throws Exception {
        MqttClient publisher = new MqttClient(host.broker().uri(), "history-it-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setConnectionTimeout(10);
        publisher.connect(o);
        try {
            for (String p : payloads) {
                publisher.publish("plant/boiler", p.getBytes(StandardCharsets.UTF_8), 1, false);
                Thread.sleep(20); // distinct receive times
            }
        } finally {
            publisher.disconnect(2000);
            publisher.close();
        }
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

    private void showsThreePointsEach(String when) {
        openTrend();
        waitFor(Duration.ofSeconds(10), "three points of each tag on the trend " + when, () ->
                "3".equals(drawnPoints("BOILER_TEMP")) && "3".equals(drawnPoints("BOILER_PRESS")));
        assertEquals(3, browser.findElements(By.cssSelector("#trend-chart text.x-label")).size() / 2,
                "six time labels");
        assertTrue(browser.findElement(By.id("trend-legend")).getText().contains("BOILER_TEMP · 3 points · last 63.5"),
                browser.findElement(By.id("trend-legend")).getText());
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
        publish("{\"temp\": 61.5, \"press\": 1.1}", "{\"temp\": 62.5, \"press\": 1.2}",
                "{\"temp\": 63.5, \"press\": 1.3}");
        waitFor(Duration.ofSeconds(10), "three points of BOILER_TEMP in the history", () ->
                recorded("BOILER_TEMP") == 3);

        browser = HeadlessChromium.start(tmp);
        page = ConsolePage.open(browser, host.webUrl());
        openTrend();
        page.click(By.cssSelector("#trend-picker input[data-tag='BOILER_PRESS']"));
        showsThreePointsEach("on the first load");
        page.keepScreenshot("console-trend.png");

        browser.navigate().refresh();
        page = ConsolePage.open(browser, host.webUrl());
        showsThreePointsEach("after a page reload");

        host.close();
        host = startHost(config);
        page = ConsolePage.open(browser, host.webUrl());
        showsThreePointsEach("after a host restart");
        page.keepScreenshot("console-trend-after-restart.png");

        String csvLink = browser.findElement(By.id("trend-csv")).getDomAttribute("href");
        assertTrue(csvLink.startsWith("/api/history.csv?tag=BOILER_TEMP&tag=BOILER_PRESS"), csvLink);
        String csv = http().get(csvLink).body();
        List<String> temps = csv.lines().filter(l -> l.contains(",BOILER_TEMP,")).map(l -> l.split(",")[2]).toList();
        assertEquals(List.of("61.5", "62.5", "63.5"), temps, csv);
        assertEquals(3, csv.lines().filter(l -> l.contains(",BOILER_PRESS,")).count(), csv);
        assertTrue(csv.startsWith("time,tag,value,quality\r\n"), csv);

        zoomsByDraggingAndResets();
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
        String all = browser.findElement(By.id("trend-span")).getText();
        WebElement chart = browser.findElement(By.id("trend-chart"));
        int w = chart.getSize().getWidth();
        new Actions(browser).moveToElement(chart, -w / 4, 0).clickAndHold().moveByOffset(w / 3, 0).release().perform();
        waitFor(Duration.ofSeconds(5), "a zoomed range", () ->
                browser.findElement(By.id("trend-reset")).isEnabled()
                        && !all.equals(browser.findElement(By.id("trend-span")).getText()));
        page.keepScreenshot("console-trend-zoomed.png");
        page.click(By.id("trend-reset"));
        waitFor(Duration.ofSeconds(5), "the zoom reset", () -> !browser.findElement(By.id("trend-reset")).isEnabled());
    }
}

package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scadamqtt.host.HostRuntime;
import org.scadamqtt.testsupport.MosquittoProcess;

/**
 * End to end, with nothing faked: Mosquitto, the real host with the MQTT driver loaded as a
 * plugin through the SPI, the web console, and headless Chromium. A value published with
 * mosquitto_pub shows on the page within 2 s as GOOD; a write from the page reaches
 * mosquitto_sub; a station set OFF from the page shows StOFF.
 */
class WebConsoleMosquittoIT {

    @RegisterExtension
    final Chromium chromium = new Chromium();
    @TempDir
    Path tmp;
    private MosquittoProcess mosquitto;
    private HostRuntime host;
    private ChromeDriver browser;
    private ConsolePage page;

    @BeforeEach
    void start() throws Exception {
        MosquittoProcess.assumeInstalled();
        mosquitto = MosquittoProcess.start(tmp);
        chromium.closeAfter(() -> mosquitto.close()); // the broker a test restarted, after the host
        Path config = tmp.resolve("plant.xml");
        Files.writeString(config, """
                <?xml version="1.0" encoding="UTF-8"?>
                <scada xmlns="urn:scada-mqtt:config:1">
                  <line name="PLANT" protocol="mqtt">
                    <host>%s</host>
                    <param name="topicFilter">plant/#</param>
                    <param name="payloadType">JSON</param>
                    <param name="reconnectMaxDelay">1</param>
                    <station name="BOILER" address="plant/boiler" state="on">
                      <param name="timeFilter">1</param>
                      <tag name="BOILER_TEMP" type="Ai" address="JA=temp"/>
                    </station>
                    <station name="VALVE" address="plant/valve" state="on">
                      <tag name="VALVE_TOPIC" type="TxtO" address="OUT_TOPIC"/>
                      <tag name="VALVE_CMD" type="TxtO" address="OUT_VALUE"/>
                    </station>
                  </line>
                </scada>
                """.formatted(mosquitto.uri()));
        host = chromium.host(config, tmp.resolve("data"), null, 0);
        page = chromium.open(host.webUrl());
        browser = chromium.driver();
        waitFor(Duration.ofSeconds(15), "line PLANT CONNECTED on the page", () -> "CONNECTED".equals(
                page.text(By.cssSelector("tr[data-line='PLANT'] td.status"))));
    }

    private void writeFromPage(String tag, String value) {
        page.click(By.cssSelector("tr[data-tag='" + tag + "'] button.write"));
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("write-value")));
        input.clear();
        input.sendKeys(value);
        page.sendWrite();
        waitFor(Duration.ofSeconds(10), "the result of writing " + tag, () -> {
            String r = page.text(By.id("write-result"));
            return r.startsWith("OK") || r.contains(":") && !r.startsWith("writing");
        });
        String result = page.text(By.id("write-result"));
        assertTrue(result.startsWith("OK"), "writing " + tag + " from the page: " + result);
        page.click(By.id("write-close"));
    }

    @Test
    void aPublishedValueShowsWithinTwoSecondsAsGood() throws Exception {
        mosquitto.publish("plant/boiler", "{\"temp\": 71.5}");
        waitFor(Duration.ofSeconds(2), "BOILER_TEMP = 71.5 on the page",
                () -> "71.5".equals(page.tagCell("BOILER_TEMP", "value").getText()));
        assertEquals("GOOD", page.tagCell("BOILER_TEMP", "quality").getText());
        mosquitto.publish("plant/boiler", "{\"temp\": 72.25}");
        waitFor(Duration.ofSeconds(2), "BOILER_TEMP = 72.25 on the page",
                () -> "72.25".equals(page.tagCell("BOILER_TEMP", "value").getText()));
        page.keepScreenshot("console-mosquitto-it.png");
    }

    @Test
    void aWriteFromThePageReachesMosquittoSub() throws Exception {
        try (MosquittoProcess.Subscriber sub = mosquitto.subscribe("plant/valve/#", "plant/valve/probe")) {
            writeFromPage("VALVE_TOPIC", "plant/valve/cmd");
            writeFromPage("VALVE_CMD", "OPEN 40%");
            String line = sub.await("plant/valve/cmd ", 5000);
            assertNotNull(line, "mosquitto_sub did not receive the write within 5 s");
            assertEquals("plant/valve/cmd OPEN 40%", line);
        }
        // the output tag now shows what the valve was last told
        waitFor(Duration.ofSeconds(2), "VALVE_CMD showing the written value as GOOD", () ->
                "OPEN 40%".equals(page.tagCell("VALVE_CMD", "value").getText())
                        && "GOOD".equals(page.tagCell("VALVE_CMD", "quality").getText()));
    }

    @Test
    void afterABrokerRestartTagsSayWaitingThenGood() throws Exception {
        mosquitto.publish("plant/boiler", "{\"temp\": 71.5}");
        waitFor(Duration.ofSeconds(3), "BOILER_TEMP GOOD", () -> "GOOD".equals(page.tagCell("BOILER_TEMP", "quality").getText()));
        int port = mosquitto.port();
        mosquitto.close();
        waitFor(Duration.ofSeconds(15), "BOILER_TEMP BAD while the broker is down", () ->
                "BAD".equals(page.tagCell("BOILER_TEMP", "quality").getText()));
        mosquitto = MosquittoProcess.start(tmp, port);
        waitFor(Duration.ofSeconds(20), "BOILER_TEMP waiting after the reconnect", () ->
                "WAITING".equals(page.tagCell("BOILER_TEMP", "quality").getText()));
        assertEquals("waiting for first value", page.tagCell("BOILER_TEMP", "tag-reason").getText());
        waitFor(Duration.ofSeconds(5), "no old failure in the line row", () -> !browser.findElement(
                By.cssSelector("tr[data-line='PLANT'] td.reason")).getText().contains("connect"));
        page.keepScreenshot("console-after-broker-restart.png");
        mosquitto.publish("plant/boiler", "{\"temp\": 72.5}");
        waitFor(Duration.ofSeconds(3), "BOILER_TEMP GOOD again", () ->
                "GOOD".equals(page.tagCell("BOILER_TEMP", "quality").getText())
                        && "72.5".equals(page.tagCell("BOILER_TEMP", "value").getText()));
    }

    @Test
    void aStationSetOffFromThePageShowsStOff() {
        page.click(By.cssSelector("tr[data-station='BOILER'] button[data-control='StOFF']"));
        waitFor(Duration.ofSeconds(2), "BOILER StOFF on the page", () -> "StOFF".equals(
                page.text(By.cssSelector("tr[data-station='BOILER'] td.state"))));
    }
}

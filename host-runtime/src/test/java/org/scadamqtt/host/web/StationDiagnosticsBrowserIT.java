package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.scadamqtt.host.HostRuntime;
import org.scadamqtt.host.broker.EmbeddedBroker;

/**
 * Per-station diagnostics end to end: one good payload without its time field and one that is
 * not JSON, published to the embedded broker, reach the real host's driver; the stations table
 * shows "msgs 2 · bad 1 · no time 1" for the station and its last error with the time in the
 * tooltip, and /metrics has the same counts.
 */
@Timeout(120)
class StationDiagnosticsBrowserIT {

    private static final String CONFIG = """
            <scada xmlns="urn:scada-mqtt:config:1">
              <line name="PLANT" protocol="mqtt">
                <host>embedded</host>
                <param name="payloadType">JSON</param>
                <param name="topicFilter">plant/#</param>
                <param name="timeFieldName">time</param>
                <station name="BOILER" address="plant/boiler">
                  <tag name="BOILER_TEMP" type="Ai" address="JA=temp"/>
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

    private void publish(String topic, String payload) throws Exception {
        TestPublisher.publish(host.broker().uri(), topic, payload);
    }

    private String cell(String cls) {
        return browser.findElement(By.cssSelector("tr[data-station='BOILER'] td.diagnostics " + cls)).getText();
    }

    @Test
    void theStationRowShowsMessagesBadPayloadsMissingTimeAndTheLastError() throws Exception {
        Path config = tmp.resolve("plant.xml");
        Files.writeString(config, CONFIG);
        host = chromium.host(config, tmp.resolve("data"), EmbeddedBroker.freePort(), 0);
        TestPublisher.awaitProbe(host);
        chromium.open(host.webUrl());
        browser = chromium.driver();
        waitFor(Duration.ofSeconds(5), "BOILER's counters before any message", () -> "0".equals(cell(".diag-messages")));
        assertTrue(browser.findElements(By.cssSelector("tr[data-station='BOILER'] .diag-error")).isEmpty(),
                "no error yet");

        publish("plant/boiler", "{\"temp\": 61.5}");
        publish("plant/boiler", "{\"temp\": 62.5");
        // the page polls the stations every 5 s
        waitFor(Duration.ofSeconds(15), "msgs 2 · bad 1 in BOILER's row", () ->
                "2".equals(cell(".diag-messages")) && "1".equals(cell(".diag-bad")));
        assertEquals("msgs 2 · bad 1 · no time 1", cell(".diag-counts"));

        JsonNode api = new ConsoleHttp(URI.create(host.webUrl()).getPort()).get("/api/stations/BOILER").json()
                .get("diagnostics");
        String lastError = api.get("lastError").asText();
        assertTrue(lastError.startsWith("Line PLANT, station BOILER: payload on topic 'plant/boiler' is not valid: "
                + "payload is not valid JSON"), lastError);
        WebElement error = browser.findElement(By.cssSelector("tr[data-station='BOILER'] td.diagnostics .diag-error"));
        assertEquals(lastError, error.getDomProperty("textContent"));
        String when = api.get("lastErrorTime").asText().replace('T', ' ').replace("Z", "");
        assertEquals(when + " UTC: " + lastError, error.getDomAttribute("title"));
        assertEquals("0", browser.findElement(By.cssSelector("tr[data-station='PROBE'] .diag-bad")).getText());

        String metrics = new ConsoleHttp(URI.create(host.webUrl()).getPort()).get("/metrics").body();
        assertTrue(metrics.contains("scada_station_messages_total{line=\"PLANT\",station=\"BOILER\"} 2.0"), metrics);
        assertTrue(metrics.contains("scada_station_bad_payloads_total{line=\"PLANT\",station=\"BOILER\"} 1.0"), metrics);
        assertTrue(metrics.contains("scada_station_time_missing_total{line=\"PLANT\",station=\"BOILER\"} 1.0"), metrics);
    }
}

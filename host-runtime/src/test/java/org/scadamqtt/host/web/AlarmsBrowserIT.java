package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
import org.scadamqtt.config.TagDisplay;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.host.tags.TagTable;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * Issue 11, "alarms", in headless Chromium over the real tag table: a limit crossing raises an
 * alarm (list, header count, /metrics), the operator acknowledges it (who, when), it returns to
 * normal and leaves the list; a BAD payload and a station's StHARDERR raise alarms too.
 */
class AlarmsBrowserIT {

    @RegisterExtension
    final Chromium chromium = new Chromium();
    @TempDir
    Path tmp;
    private WebConsole console;
    private ChromeDriver browser;
    private ConsolePage page;
    private DriverContext ctx;
    private ConsoleHttp http;

    @BeforeEach
    void start() throws Exception {
        StationConfig boiler = new StationConfig("BOILER", "plant/boiler", InitialState.ON, null, List.of(
                new TagConfig("BOILER_TEMP", TagType.Ai, "JA=temp", null,
                        new TagDisplay("", "°C", "", null, 90.0, null, 95.0), null),
                new TagConfig("BOILER_MODE", TagType.TxtI, "JA=mode", null)), null);
        LineConfig plant = new LineConfig("PLANT", "mqtt", List.of("tcp://127.0.0.1"), 1883, null, List.of(boiler), null);
        TagTable table = new TagTable(new ScadaConfig("test", List.of(plant)));
        ctx = table.contextFor("PLANT", tmp, "h");
        ctx.stationState("BOILER", StationState.StON, "connected");
        console = chromium.console(table, null);
        http = new ConsoleHttp(console.port());
        page = chromium.open(console);
        browser = chromium.driver();
    }

    private void temp(double v) {
        Instant t = Instant.now();
        ctx.publish("BOILER", List.of(new TagUpdate("BOILER_TEMP", TagValue.good(TagType.Ai, v, t, t))));
    }

    private String pill() {
        return page.text(By.id("alarm-count"));
    }

    private String metric(String name) throws Exception {
        return http.get("/metrics").raw().body().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse("");
    }

    @Test
    void aLimitAlarmIsRaisedAcknowledgedAndReturnsToNormal() throws Exception {
        assertEquals("alarms: 0 active, 0 unacknowledged", pill());
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        temp(97.0);
        Instant after = Instant.now();
        waitFor(Duration.ofSeconds(5), "the alarm in the header", () -> pill().equals("alarms: 1 active, 1 unacknowledged"));
        String row = "#alarms tr[data-source='BOILER_TEMP'] ";
        // the time it was raised (UTC, as every time on the page) and the value that raised it
        String time = page.text(By.cssSelector(row + "td.time:not(.returned)"));
        assertTrue(time.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), time);
        Instant raised = Instant.parse(time.replace(' ', 'T') + "Z");
        assertTrue(!raised.isBefore(before) && !raised.isAfter(after), raised + " not between " + before + " and " + after);
        assertEquals("97", page.text(By.cssSelector(row + "td.num")));
        assertEquals("active", page.text(By.cssSelector(row + "td.returned")));
        assertEquals("HIGH_HIGH", page.text(By.cssSelector(row + "td.kind")));
        assertEquals("tag BOILER_TEMP = 97.0 °C is beyond its high-high limit 95.0 °C",
                page.text(By.cssSelector(row + "td.text")));
        assertEquals("scada_alarms_active 1.0", metric("scada_alarms_active"));
        assertEquals("scada_alarms_unacknowledged 1.0", metric("scada_alarms_unacknowledged"));
        page.keepScreenshot("console-alarm.png");

        browser.findElement(By.id("operator")).sendKeys("J. Smith");
        page.click(By.cssSelector(row + "button.ack"));
        waitFor(Duration.ofSeconds(5), "acknowledged", () ->
                page.text(By.cssSelector(row + "td.acked")).startsWith("J. Smith, 20"));
        assertEquals("alarms: 1 active, 0 unacknowledged", pill());
        JsonNode alarm = http.get("/api/alarms").json().get(0);
        assertEquals("J. Smith", alarm.get("acknowledgedBy").textValue());
        assertTrue(alarm.get("active").booleanValue());

        temp(80.0);
        waitFor(Duration.ofSeconds(5), "returned and gone", () -> pill().equals("alarms: 0 active, 0 unacknowledged")
                && browser.findElements(By.cssSelector("#alarms tbody tr")).isEmpty());
        assertEquals("scada_alarms_active 0.0", metric("scada_alarms_active"));
    }

    @Test
    void aReturnedAlarmStaysUntilAcknowledgedAndBadValuesAndHardErrorRaiseAlarms() throws Exception {
        temp(92.0);
        temp(85.0); // HIGH raised and returned before anyone looked
        Instant t = Instant.now();
        ctx.publish("BOILER", List.of(new TagUpdate("BOILER_MODE", TagValue.bad(TagType.TxtI, Reason.PAYLOAD_ERROR,
                "payload of plant/boiler is not JSON", t))));
        ctx.stationState("BOILER", StationState.StHARDERR, "will message received on plant/boiler/will");
        waitFor(Duration.ofSeconds(5), "three alarms", () -> pill().equals("alarms: 2 active, 3 unacknowledged"));
        waitFor(Duration.ofSeconds(5), "BOILER_TEMP's alarm shown as returned", () -> browser.findElement(
                By.cssSelector("#alarms tr[data-source='BOILER_TEMP']")).getDomAttribute("class").contains("alarm-returned"));
        assertEquals("BAD", page.text(By.cssSelector("#alarms tr[data-source='BOILER_MODE'] td.kind")));
        assertEquals("HARDERR", page.text(By.cssSelector("#alarms tr[data-source='BOILER'] td.kind")));

        page.click(By.cssSelector("#alarms tr[data-source='BOILER_TEMP'] button.ack"));
        waitFor(Duration.ofSeconds(5), "the returned, acknowledged alarm leaves", () ->
                browser.findElements(By.cssSelector("#alarms tr[data-source='BOILER_TEMP']")).isEmpty());
        JsonNode list = http.get("/api/alarms").json();
        assertEquals(2, list.size(), list.toString());
    }
}

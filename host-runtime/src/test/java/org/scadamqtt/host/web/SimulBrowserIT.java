package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.tags.TagTable;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * Issue 11, "SIMUL as in D2000", in headless Chromium over the real tag table: in StSIMUL the
 * operator sets an input's value by hand (and a script through the API), it shows SIMULATED in
 * its own colour, the driver is neither asked nor heard, and leaving SIMUL returns to live values.
 */
class SimulBrowserIT {

    private static final String PURPLE = "rgba(163, 113, 247, 1)";

    @RegisterExtension
    final Chromium chromium = new Chromium();
    @TempDir
    Path tmp;
    private WebConsole console;
    private ChromeDriver browser;
    private ConsolePage page;
    private final List<String> driverWrites = new CopyOnWriteArrayList<>();
    private DriverContext ctx;

    /** Reports station states as the MQTT driver does; records writes it is asked for. */
    private final class StubDriver implements Driver {
        @Override
        public void start() {
        }

        @Override
        public void reconfigure(LineConfig newConfig) {
        }

        @Override
        public CompletionStage<WriteResult> write(String tag, Object value) {
            driverWrites.add(tag + "=" + value);
            return CompletableFuture.completedFuture(WriteResult.success());
        }

        @Override
        public void control(String station, StationControl control) {
            ctx.stationState(station, switch (control) {
                case ON -> StationState.StON;
                case OFF -> StationState.StOFF;
                case SIMUL -> StationState.StSIMUL;
            }, "set " + control + " by the host");
        }

        @Override
        public LineStatus status() {
            return null;
        }

        @Override
        public void stop() {
        }
    }

    @BeforeEach
    void start() throws Exception {
        StationConfig boiler = new StationConfig("BOILER", "plant/boiler", InitialState.ON, null, List.of(
                new TagConfig("BOILER_TEMP", TagType.Ai, "JA=temp", null),
                new TagConfig("BOILER_RUN", TagType.Di, "JA=run", null)), null);
        LineConfig plant = new LineConfig("PLANT", "mqtt", List.of("tcp://127.0.0.1"), 1883, null, List.of(boiler), null);
        TagTable table = new TagTable(new ScadaConfig("test", List.of(plant)));
        ctx = table.contextFor("PLANT", tmp, "h");
        table.attach("PLANT", new StubDriver());
        ctx.lineStatus(new LineStatus("PLANT", LineState.CONNECTED, "tcp://127.0.0.1:1883", "", Instant.now(), null));
        ctx.stationState("BOILER", StationState.StON, "connected");
        live(71.5);
        console = chromium.console(table, null);
        page = chromium.open(console);
        browser = chromium.driver();
    }

    private void live(double v) {
        Instant t = Instant.now();
        ctx.publish("BOILER", List.of(new TagUpdate("BOILER_TEMP", TagValue.good(TagType.Ai, v, t, t))));
    }

    private String badge(String tag) {
        return page.tagCell(tag, "quality").getText();
    }

    @Test
    void inSimulTheOperatorSetsAnInputByHandAndLeavingSimulReturnsToLiveValues() throws Exception {
        assertEquals("71.5", page.tagCell("BOILER_TEMP", "value").getText());
        assertTrue(browser.findElement(By.cssSelector("tr[data-tag='BOILER_TEMP'] button.write"))
                .getDomAttribute("hidden") != null, "no write button on a live input");

        page.click(By.cssSelector("tr[data-station='BOILER'] button[data-control='StSIMUL']"));
        waitFor(Duration.ofSeconds(3), "BOILER_TEMP held as SIMULATED", () -> "SIMULATED".equals(badge("BOILER_TEMP")));
        assertEquals("71.5", page.tagCell("BOILER_TEMP", "value").getText(), "the last value is held");

        page.click(By.cssSelector("tr[data-tag='BOILER_TEMP'] button.write"));
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("write-value")));
        assertTrue(page.text(By.id("write-hint")).contains("simulated (StSIMUL)"));
        input.clear();
        input.sendKeys("55.5");
        page.sendWrite();
        waitFor(Duration.ofSeconds(5), "the set result", () ->
                page.text(By.id("write-result")).startsWith("OK"));
        page.click(By.id("write-close"));
        waitFor(Duration.ofSeconds(3), "55.5 shown", () -> "55.5".equals(page.tagCell("BOILER_TEMP", "value").getText()));
        assertEquals("SIMULATED", badge("BOILER_TEMP"));
        assertEquals(PURPLE, page.tagCell("BOILER_TEMP", "quality").findElement(By.cssSelector(".badge"))
                .getCssValue("background-color"));

        // a script does the same through the API, on a digital input
        ConsoleHttp http = new ConsoleHttp(console.port());
        assertEquals(200, http.post("/api/tags/BOILER_RUN", "{\"value\": true}").status());
        waitFor(Duration.ofSeconds(3), "BOILER_RUN true", () -> "true".equals(page.tagCell("BOILER_RUN", "value").getText()));

        live(99.0); // the driver discards a simulated station's messages; should one arrive, it is not shown
        Thread.sleep(500);
        assertEquals("55.5", page.tagCell("BOILER_TEMP", "value").getText());
        assertTrue(driverWrites.isEmpty(), "nothing went to the driver: " + driverWrites);
        page.keepScreenshot("console-simul.png");

        page.click(By.cssSelector("tr[data-station='BOILER'] button[data-control='StON']"));
        waitFor(Duration.ofSeconds(3), "waiting for a live value", () -> "WAITING".equals(badge("BOILER_TEMP")));
        live(72.25);
        waitFor(Duration.ofSeconds(3), "the live value", () -> "72.25".equals(page.tagCell("BOILER_TEMP", "value").getText())
                && "GOOD".equals(badge("BOILER_TEMP")));
    }
}

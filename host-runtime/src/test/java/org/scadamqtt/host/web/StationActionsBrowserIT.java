package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.scadamqtt.driver.ActionResult;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationDetails;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.tags.TagTable;
import org.scadamqtt.tag.TagType;

/**
 * Issue 14 in headless Chromium over the real tag table: a station row shows what its driver
 * tells beyond the state (Sparkplug state, metrics, last seq) and a button for each action it
 * offers; the button runs the action through the driver and the row shows the new details.
 */
class StationActionsBrowserIT {

    @RegisterExtension
    final Chromium chromium = new Chromium();
    @TempDir
    Path tmp;
    private WebConsole console;
    private ChromeDriver browser;
    private ConsolePage page;
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private volatile String sparkplugState = "waiting for rebirth";

    /** Offers "rebirth" for PRESS7; a rebirth makes it online. */
    private final class StubDriver implements Driver {
        @Override
        public void start() {
        }

        @Override
        public void reconfigure(LineConfig newConfig) {
        }

        @Override
        public CompletionStage<WriteResult> write(String tag, Object value) {
            return CompletableFuture.completedFuture(WriteResult.success());
        }

        @Override
        public void control(String station, StationControl control) {
        }

        @Override
        public LineStatus status() {
            return null;
        }

        @Override
        public Map<String, StationDetails> stationDetails() {
            return Map.of("PRESS7", new StationDetails(Map.of("sparkplug state", sparkplugState), List.of("rebirth")));
        }

        @Override
        public CompletionStage<ActionResult> stationAction(String station, String action) {
            actions.add(station + ":" + action);
            sparkplugState = "online";
            return CompletableFuture.completedFuture(ActionResult.done("Rebirth request sent"));
        }

        @Override
        public void stop() {
        }
    }

    @BeforeEach
    void start() throws Exception {
        StationConfig press = new StationConfig("PRESS7", "Plant1/Press7", InitialState.ON, null, List.of(
                new TagConfig("PRESS7_SPEED", TagType.Ai, "SP=Speed", null)), null);
        StationConfig meter = new StationConfig("METER", "plant/meter", InitialState.ON, null, List.of(
                new TagConfig("METER_POWER", TagType.Ai, "JA=power", null)), null);
        LineConfig plant = new LineConfig("PLANT", "mqtt", List.of("tcp://127.0.0.1"), 1883, null,
                List.of(press, meter), null);
        TagTable table = new TagTable(new ScadaConfig("test", List.of(plant)));
        DriverContext ctx = table.contextFor("PLANT", tmp, "h");
        table.attach("PLANT", new StubDriver());
        ctx.lineStatus(new LineStatus("PLANT", LineState.CONNECTED, "tcp://127.0.0.1:1883", "", Instant.now(), null));
        ctx.stationState("PRESS7", StationState.StON, "connected");
        ctx.stationState("METER", StationState.StON, "connected");
        console = chromium.console(table, null);
        page = chromium.open(console);
        browser = chromium.driver();
    }

    private String details(String station) {
        List<org.openqa.selenium.WebElement> d = browser.findElements(
                By.cssSelector("tr[data-station='" + station + "'] .station-details"));
        return d.isEmpty() ? "" : d.get(0).getText();
    }

    @Test
    void theRowShowsTheDriversDetailsAndItsActionButtonRunsTheAction() throws Exception {
        waitFor(Duration.ofSeconds(5), "PRESS7's details", () -> details("PRESS7").contains("waiting for rebirth"));
        assertEquals("sparkplug state: waiting for rebirth", details("PRESS7"));
        assertEquals("", details("METER"), "a station whose driver tells nothing shows nothing more");
        assertTrue(browser.findElements(By.cssSelector("tr[data-station='METER'] button[data-action]")).isEmpty());

        page.click(By.cssSelector("tr[data-station='PRESS7'] button[data-action='rebirth']"));
        waitFor(Duration.ofSeconds(5), "the rebirth", () -> actions.size() == 1);
        assertEquals(List.of("PRESS7:rebirth"), actions);
        waitFor(Duration.ofSeconds(5), "PRESS7's new details", () -> details("PRESS7").contains("online"));
        assertEquals("sparkplug state: online", details("PRESS7"));
    }
}

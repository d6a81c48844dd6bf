package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.config.TagDisplay;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.host.tags.TagTable;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * Issue 11, "tag metadata", and issue 10's output default, in headless Chromium over the real
 * tag table: values show with unit and format, the description next to the name, a value beyond a
 * limit is marked; an output with a default shows it from start.
 */
class MetadataBrowserIT {

    @RegisterExtension
    final Chromium chromium = new Chromium();
    @TempDir
    Path tmp;
    private WebConsole console;
    private ChromeDriver browser;
    private ConsolePage page;
    private DriverContext ctx;

    @BeforeEach
    void start() throws Exception {
        StationConfig boiler = new StationConfig("BOILER", "plant/boiler", InitialState.ON, null, List.of(
                new TagConfig("BOILER_TEMP", TagType.Ai, "JA=temp", null,
                        new TagDisplay("water outlet", "°C", "%.1f", 20.0, 90.0, 5.0, 95.0), null),
                new TagConfig("VALVE_TOPIC", TagType.TxtO, "OUT_TOPIC", null, null, "plant/valve/cmd")), null);
        LineConfig plant = new LineConfig("PLANT", "mqtt", List.of("tcp://127.0.0.1"), 1883, null, List.of(boiler), null);
        TagTable table = new TagTable(new ScadaConfig("test", List.of(plant)));
        ctx = table.contextFor("PLANT", tmp, "h");
        console = chromium.console(table, null);
        page = chromium.open(console);
        browser = chromium.driver();
    }

    private void temp(double v) {
        Instant t = Instant.now();
        ctx.publish("BOILER", List.of(new TagUpdate("BOILER_TEMP", TagValue.good(TagType.Ai, v, t, t))));
    }

    @Test
    void valuesShowWithUnitFormatDescriptionAndLimits() throws Exception {
        assertEquals("plant/valve/cmd", page.tagCell("VALVE_TOPIC", "value").getText(), "the default from start");
        assertEquals("GOOD", page.tagCell("VALVE_TOPIC", "quality").getText());

        temp(71.25);
        waitFor(Duration.ofSeconds(3), "71.3 °C", () -> "71.3 °C".equals(page.tagCell("BOILER_TEMP", "value").getText()));
        assertTrue(page.tagCell("BOILER_TEMP", "name").getText().contains("water outlet"));
        assertTrue(page.tagCell("BOILER_TEMP", "name").getDomAttribute("title")
                .contains("limits LL 5 / L 20 / H 90 / HH 95"));
        assertEquals("", page.tagCell("BOILER_TEMP", "value").getDomAttribute("data-limit"));

        temp(92.0);
        waitFor(Duration.ofSeconds(3), "beyond H", () ->
                "H".equals(page.tagCell("BOILER_TEMP", "value").getDomAttribute("data-limit")));
        assertEquals("92.0 °C", page.tagCell("BOILER_TEMP", "value").getText());
        temp(97.0);
        waitFor(Duration.ofSeconds(3), "beyond HH in red", () ->
                "HH".equals(page.tagCell("BOILER_TEMP", "value").getDomAttribute("data-limit"))
                        && "rgba(248, 81, 73, 1)".equals(page.tagCell("BOILER_TEMP", "value").getCssValue("color")));
        page.keepScreenshot("console-metadata.png");
    }
}

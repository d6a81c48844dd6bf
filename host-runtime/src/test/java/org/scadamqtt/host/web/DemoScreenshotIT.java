package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.scadamqtt.host.HostRuntime;
import org.scadamqtt.host.broker.EmbeddedBroker;

/**
 * The demo as {@code scada-host demo} runs it (sample-config/demo.xml, embedded broker, simulator)
 * in headless Chromium at 1600×900: after ~10 s of simulated values no tag is red or amber
 * without a fault (outputs never written are grey, not BAD; values whose time field is missing are
 * GOOD, counted under the station's diagnostics) and every station of the simulated meters
 * counted messages; the page does not scroll sideways. Keeps the screenshots
 * {@code console-demo.png} (alarms and stations folded, the tags) and
 * {@code console-demo-stations.png} (the stations table) in the build folder; with
 * {@code -Dscada.docsImages=/absolute/path/to/docs/images} it also refreshes console.png and
 * console-stations.png there, the images of docs/console.md.
 */
@Timeout(120)
class DemoScreenshotIT {

    /**
     * The faults the simulator makes on purpose (SparkplugEdgeSim): every 60th tick edge device
     * Valve1 dies (DDEATH) and is born again 5 ticks later, so station SP_VALVE1 and its tags may be
     * red while it is dead. Nothing else may be.
     */
    private static final List<String> ON_PURPOSE = List.of("tag SPARKPLUG / SP_VALVE1 ", "station SP_VALVE1:");

    @RegisterExtension
    final Chromium chromium = new Chromium();
    @TempDir
    Path tmp;
    private HostRuntime host;
    private ChromeDriver browser;

    @Test
    void theDemoConsoleShowsGoodValuesAndStationCountersAndIsPhotographed() throws Exception {
        Path demo = Path.of(System.getProperty("scada.sampleConfig", "../sample-config"), "demo.xml");
        assertTrue(Files.isRegularFile(demo), "missing " + demo.toAbsolutePath());
        host = chromium.host(demo, tmp.resolve("data"), EmbeddedBroker.freePort(), 1.0);
        browser = chromium.driver();
        // the viewport itself 1600×900 (a window size would include the browser's frame)
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1600, "height", 900,
                "deviceScaleFactor", 1, "mobile", false));
        ConsolePage page = chromium.open(host.webUrl());
        waitFor(Duration.ofSeconds(20), "METER1 and METER2 GOOD, their stations counting messages", () ->
                "GOOD".equals(page.tagCell("METER1_CURRENT", "quality").getText())
                        && "GOOD".equals(page.tagCell("METER2_CURRENT", "quality").getText())
                        && !"0".equals(diagnostics("METER1", ".diag-messages")));
        Thread.sleep(10_000); // the simulator's slower devices (LoRaWAN, Wirepas, Sparkplug) report too

        @SuppressWarnings("unchecked")
        List<String> amber = (List<String>) browser.executeScript("""
                return [...document.querySelectorAll('#tags tr[data-condition="c-uncertain"]')]
                  .map(tr => tr.dataset.tag + ': ' + tr.querySelector('.tag-reason').textContent);""");
        assertEquals(List.of(), amber, "UNCERTAIN in the demo");
        // red means an operator must act: in a healthy demo nothing is red but the faults the
        // simulator makes on purpose, listed here by name
        @SuppressWarnings("unchecked")
        List<String> red = (List<String>) browser.executeScript("""
                return [...document.querySelectorAll('#tags tr[data-condition="c-fault"]')]
                    .map(tr => 'tag ' + tr.dataset.group + ' ' + tr.dataset.tag + ': '
                      + tr.querySelector('.tag-reason').textContent)
                  .concat([...document.querySelectorAll('#stations tr[data-station]')]
                    .filter(tr => tr.querySelector('.badge.s-StHARDERR, .badge.s-StCOMERR'))
                    .map(tr => 'station ' + tr.dataset.station + ': ' + tr.querySelector('td.state').textContent))
                  .concat([...document.querySelectorAll('#lines tr[data-line]')]
                    .filter(tr => tr.querySelector('.badge.l-DISCONNECTED'))
                    .map(tr => 'line ' + tr.dataset.line));""");
        List<String> unexpected = red.stream().filter(r -> ON_PURPOSE.stream().noneMatch(r::startsWith)).toList();
        assertEquals(List.of(), unexpected, "red in the healthy demo (all red: " + red + ")");
        @SuppressWarnings("unchecked")
        List<String> notWritten = (List<String>) browser.executeScript("""
                return [...document.querySelectorAll('#tags tr[data-tag]')]
                  .filter(tr => tr.querySelector('.quality').textContent === 'NOT WRITTEN'
                    && tr.dataset.condition !== 'c-idle').map(tr => tr.dataset.tag);""");
        assertEquals(List.of(), notWritten, "outputs never written that are not grey");
        assertEquals("c-idle", browser.findElement(By.cssSelector("tr[data-tag='CMD_VALUE']")).getDomAttribute(
                "data-condition"), "an output nobody wrote is grey, not red");

        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) browser.executeScript("""
                const w = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= w) return [];
                // the columns share one width per table: the first row tells which are wide
                const row = document.querySelector('#tags tbody tr[data-tag]');
                return [document.documentElement.scrollWidth + ' px wide; tag columns: ' + [...row.children]
                  .map(td => (td.className || '-') + ' ' + Math.round(td.getBoundingClientRect().width)).join(', ')];""");
        assertEquals(List.of(), wide, "no sideways scrolling at 1600 px");

        // the stations section on its own, then the overview with the (empty) alarms and the 22
        // stations folded so the tags show
        Path stations = browser.findElement(By.id("stations-section")).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(stations, HeadlessChromium.screenshotDir().resolve("console-demo-stations.png"),
                StandardCopyOption.REPLACE_EXISTING);
        page.click(By.cssSelector("#alarms-details > summary"));
        page.click(By.cssSelector("#stations-details > summary"));
        waitFor(Duration.ofSeconds(2), "stations folded", () -> !browser.findElement(By.id("stations")).isDisplayed());
        page.keepScreenshot("console-demo.png");
        String docsImages = System.getProperty("scada.docsImages");
        if (docsImages != null && !docsImages.isBlank()) {
            Files.copy(HeadlessChromium.screenshotDir().resolve("console-demo.png"),
                    Path.of(docsImages, "console.png"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(HeadlessChromium.screenshotDir().resolve("console-demo-stations.png"),
                    Path.of(docsImages, "console-stations.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String diagnostics(String station, String cls) {
        return browser.findElement(By.cssSelector("tr[data-station='" + station + "'] td.diagnostics " + cls)).getText();
    }
}

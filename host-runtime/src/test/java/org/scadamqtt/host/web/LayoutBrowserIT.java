package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.scadamqtt.driver.StationDiagnostics;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * Issue 11, "layout", in headless Chromium: at 1366×768 and at 800 px wide every row shows its
 * value, quality and (for outputs) write button inside the window with no sideways scrolling;
 * stations collapse; columns sort; tags are grouped by line / station with update count and age.
 * Screenshots stay in the build folder (console-1366x768.png, console-800x1000.png).
 */
class LayoutBrowserIT {

    /** Per row: what is missing or off screen; an empty list when all is visible. */
    private static final String CHECK_ROWS = """
            const w = window.innerWidth, bad = [];
            if (document.documentElement.scrollWidth > w) bad.push('page ' + document.documentElement.scrollWidth + ' px wide');
            for (const tr of document.querySelectorAll('#tags tbody tr[data-tag]')) {
              const cells = ['td.value', 'td.quality'];
              if (!tr.querySelector('button.write').hidden) cells.push('button.write');
              for (const sel of cells) {
                const r = tr.querySelector(sel).getBoundingClientRect();
                if (r.width === 0 || r.right > w) bad.push(tr.dataset.tag + ' ' + sel + ' right=' + r.right);
              }
            }
            return bad;""";

    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final FakeHostApi host = new FakeHostApi();
    private WebConsole console;
    private ChromeDriver browser;
    private ConsolePage page;

    @BeforeEach
    void start() {
        Instant t = Instant.now();
        for (int i = 1; i <= 30; i++) {
            String station = i % 2 == 0 ? "S1" : "S2";
            TagValue v = i % 5 == 0
                    ? TagValue.bad(TagType.Ai, Reason.NOT_CONNECTED, "line L1 is down: line down longer than the time "
                            + "filter of 10.0 s; cannot connect to tcp://broker.plant.example:8883: connection refused", t)
                    : TagValue.good(TagType.Ai, 1000.0 / i, t, t);
            host.setTag("METER_" + i + "_ACTIVE_POWER_TOTAL", station, TagType.Ai, v);
        }
        // the stations table's diagnostics column, with a long last error, must fit as well
        host.diagnostics.put("S1", new StationDiagnostics(1_234_567, 3, 12, 0, 0, 0, "Line L1, station S1: payload "
                + "on topic 'plant/meters/S1/data' is not valid: payload is not valid JSON at line 1 column 7: "
                + "Unexpected character ('x' (code 120)): was expecting double-quote to start field name", t));
        console = chromium.console(host, null);
        browser = chromium.driver();
    }

    private void checkAt(int width, int height, String screenshot) throws Exception {
        browser.manage().window().setSize(new Dimension(width, height));
        page = chromium.open(console);
        assertEquals("msgs 1,234,567 · bad 3 · no time 12", browser.findElement(
                By.cssSelector("tr[data-station='S1'] td.diagnostics .diag-counts")).getText());
        Object bad = browser.executeScript(CHECK_ROWS);
        assertEquals(List.of(), bad, "at " + width + "x" + height);
        page.keepScreenshot(screenshot);
    }

    @Test
    void at1366x768ValueQualityAndWriteAreVisibleForEveryRow() throws Exception {
        checkAt(1366, 768, "console-1366x768.png");
    }

    @Test
    void at800PxWideValueQualityAndWriteAreVisibleForEveryRow() throws Exception {
        checkAt(800, 1000, "console-800x1000.png");
        assertFalse(browser.findElement(By.cssSelector("#tags th[data-sort='receive']")).isDisplayed(),
                "less important columns give way");
    }

    @Test
    void stationsCollapseColumnsSortAndTagsAreGroupedWithCountAndAge() throws Exception {
        page = chromium.open(console);
        // grouped by line / station, in configuration order
        List<String> groups = browser.findElements(By.cssSelector("#tags tr.group .group-name")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("L1 / S1", "L1 / S2"), groups);
        assertEquals("1", page.tagCell("METER_2_ACTIVE_POWER_TOTAL", "updates").getText());
        waitFor(Duration.ofSeconds(3), "an age in seconds",
                () -> page.tagCell("METER_2_ACTIVE_POWER_TOTAL", "age").getText().matches("\\d+ s"));
        // a live event counts: the update count goes up without a reload
        Instant t = Instant.now();
        host.setTag("METER_2_ACTIVE_POWER_TOTAL", "S1", TagType.Ai, TagValue.good(TagType.Ai, 123.0, t, t));
        waitFor(Duration.ofSeconds(3), "the second update counted", () ->
                "2".equals(page.tagCell("METER_2_ACTIVE_POWER_TOTAL", "updates").getText()));
        assertEquals("123", page.tagCell("METER_2_ACTIVE_POWER_TOTAL", "value").getText());

        // a group collapses
        page.click(By.cssSelector("#tags tr.group[data-group='L1 / S2']"));
        waitFor(Duration.ofSeconds(2), "S2 collapsed", () -> !page.tagCell("text", "value").isDisplayed());
        assertTrue(page.tagCell("temp", "value").isDisplayed());

        // the stations table collapses, its heading still counts states
        WebElement stations = browser.findElement(By.id("stations"));
        assertTrue(stations.isDisplayed());
        assertEquals("(1 StON, 1 StOFF)", page.text(By.id("station-summary")));
        page.click(By.cssSelector("#stations-details summary"));
        waitFor(Duration.ofSeconds(2), "stations collapsed", () -> !browser.findElement(By.id("stations")).isDisplayed());

        // sorting by value sorts inside each group, both ways
        page.click(By.cssSelector("#tags th[data-sort='value']"));
        List<Double> s1 = valuesOfGroup();
        assertTrue(s1.size() > 5, s1.toString());
        for (int i = 1; i < s1.size(); i++) {
            assertTrue(s1.get(i - 1) <= s1.get(i), "ascending: " + s1);
        }
        page.click(By.cssSelector("#tags th[data-sort='value']"));
        List<Double> down = valuesOfGroup();
        for (int i = 1; i < down.size(); i++) {
            assertTrue(down.get(i - 1) >= down.get(i), "descending: " + down);
        }
    }

    /**
     * After scrolling the tag table under the page header: each table's sticky header row sits right
     * below the page header (not behind it), nothing covers it, and every row below it is visible
     * where it is drawn (the header row is opaque, so rows scrolled under it do not show through).
     */
    @Test
    void afterScrollingTheTagHeaderSitsBelowThePageHeaderAndCoversNoRow() throws Exception {
        for (int[] size : new int[][] {{1366, 768}, {800, 600}}) {
            browser.manage().window().setSize(new Dimension(size[0], size[1]));
            page = chromium.open(console);
            Object bad = browser.executeScript(STICKY);
            assertEquals(List.of(), bad, "at " + size[0] + "x" + size[1]);
        }
        page.keepScreenshot("console-scrolled-800x600.png");
    }

    private static final String STICKY = """
            const bad = [];
            const table = document.querySelector('#tags');
            window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY + 300);
            const head = document.querySelector('header').getBoundingClientRect();
            const th = document.querySelector('#tags thead th[data-sort="value"]');
            const r = th.getBoundingClientRect();
            if (table.getBoundingClientRect().top >= head.bottom) bad.push('the page did not scroll past the table top');
            if (r.top < head.bottom - 0.5) bad.push('header row at ' + r.top + ' behind the page header ending at ' + head.bottom);
            if (r.top > head.bottom + 1) bad.push('header row at ' + r.top + ' not stuck below the page header at ' + head.bottom);
            const x = r.left + r.width / 2;
            const onTh = document.elementFromPoint(x, r.top + r.height / 2);
            if (!onTh || !onTh.closest('#tags thead')) bad.push('the header row is covered by ' + (onTh && onTh.outerHTML.slice(0, 60)));
            if (getComputedStyle(th).backgroundColor.match(/rgba\\(.*, 0\\)|transparent/)) bad.push('header row is transparent');
            let seen = 0;
            for (const tr of document.querySelectorAll('#tags tbody tr')) {
              const t = tr.getBoundingClientRect();
              const mid = t.top + t.height / 2;
              if (t.height === 0 || mid <= r.bottom + 1 || mid >= window.innerHeight) continue;
              seen++;
              const at = document.elementFromPoint(x, mid);
              if (!at || at.closest('tr') !== tr) bad.push((tr.dataset.tag || tr.dataset.group) + ' covered by ' + (at && at.outerHTML.slice(0, 60)));
            }
            if (seen < 3) bad.push('only ' + seen + ' rows visible below the header row');
            return bad;""";

    /** Numeric values of group S1's rows in page order. */
    @SuppressWarnings("unchecked")
    private List<Double> valuesOfGroup() {
        List<Object> raw = (List<Object>) browser.executeScript("""
                return [...document.querySelectorAll('#tags tbody tr[data-group="L1 / S1"][data-tag]')]
                  .map(tr => tr.querySelector('td.value').textContent)
                  .filter(v => v !== '—' && !isNaN(parseFloat(v))).map(parseFloat);""");
        return raw.stream().map(o -> ((Number) o).doubleValue()).toList();
    }
}

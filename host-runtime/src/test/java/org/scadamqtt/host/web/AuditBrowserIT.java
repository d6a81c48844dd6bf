package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11, "audit trail": a write, a station command and a refused (401) request each leave an
 * entry with time, client, target, old and new value and result in GET /api/audit, shown in the
 * console's audit section.
 */
class AuditBrowserIT {

    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final FakeHostApi host = new FakeHostApi();
    private WebConsole console;
    private ChromeDriver browser;
    private ConsolePage page;

    @BeforeEach
    void start() {
        console = chromium.console(host, "s3cret");
        page = chromium.open(console);
        browser = chromium.driver();
    }

    @Test
    void aWriteAStationCommandAndA401AreAudited() throws Exception {
        ConsoleHttp http = new ConsoleHttp(console.port());
        assertEquals(401, http.post("/api/stations/S1", "{\"state\":\"StOFF\"}").status());
        assertEquals(200, http.post("/api/stations/S2", "{\"state\":\"StON\"}", "application/json",
                "Bearer s3cret").status());

        page.click(By.cssSelector("tr[data-tag='setpoint'] button.write"));
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input"))).sendKeys("s3cret");
        page.click(By.id("token-ok"));
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("write-value")));
        input.sendKeys("7");
        page.sendWrite();
        waitFor(Duration.ofSeconds(5), "the write result", () ->
                page.text(By.id("write-result")).startsWith("OK"));
        page.click(By.id("write-close"));

        JsonNode audit = http.get("/api/audit").json();
        assertEquals(3, audit.size(), audit.toString());
        JsonNode write = audit.get(0);
        assertEquals(List.of("time", "client", "action", "target", "oldValue", "newValue", "result", "message"),
                WebConsoleApiTest.fields(write));
        assertEquals("write", write.get("action").textValue());
        assertEquals("setpoint", write.get("target").textValue());
        assertTrue(write.get("oldValue").isNull(), "never written before");
        assertEquals(7, write.get("newValue").intValue());
        assertEquals("OK", write.get("result").textValue());
        assertEquals("127.0.0.1", write.get("client").textValue());
        JsonNode station = audit.get(1);
        assertEquals("station", station.get("action").textValue());
        assertEquals("S2", station.get("target").textValue());
        assertEquals("StOFF", station.get("oldValue").textValue());
        assertEquals("StON", station.get("newValue").textValue());
        JsonNode refused = audit.get(2);
        assertEquals("refused", refused.get("action").textValue());
        assertEquals("POST /api/stations/S1", refused.get("target").textValue());
        assertEquals("UNAUTHORIZED", refused.get("result").textValue());
        assertEquals("no write token sent", refused.get("message").textValue());

        page.click(By.cssSelector("#audit-details summary"));
        waitFor(Duration.ofSeconds(5), "three audit rows", () ->
                browser.findElements(By.cssSelector("#audit tbody tr")).size() == 3);
        List<String> first = browser.findElements(By.cssSelector("#audit tbody tr:first-child td")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("127.0.0.1", "write", "setpoint", "—", "7", "OK"), first.subList(1, 7));
        page.keepScreenshot("console-audit.png");
    }
}

package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.host.web.ConsolePage.waitFor;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11, "writes": the dialog shows value, tag and station back and sends only on Confirm;
 * a wrong token gets a sentence for operators, not a curl hint.
 */
class WriteDialogBrowserIT {

    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final FakeHostApi host = new FakeHostApi();
    private ChromeDriver browser;
    private ConsolePage page;

    private void open(String token) throws Exception {
        page = chromium.open(chromium.console(host, token));
        browser = chromium.driver();
    }

    private WebElement enter(String value) {
        page.click(By.cssSelector("tr[data-tag='setpoint'] button.write"));
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("write-value")));
        input.clear();
        input.sendKeys(value);
        return input;
    }

    @Test
    void theValueIsShownBackAndSentOnlyOnConfirm() throws Exception {
        open(null);
        enter("12.5");
        page.click(By.id("write-send"));
        waitFor(Duration.ofSeconds(3), "the question", () -> browser.findElement(By.id("write-question")).isDisplayed());
        assertEquals("Write 12.5 to setpoint (Ao) of station S1, line L1? Now: —.",
                page.text(By.id("write-question")));
        page.keepScreenshot("console-write-confirm.png");
        Thread.sleep(300);
        assertTrue(host.writes.isEmpty(), "nothing sent before Confirm");

        page.click(By.id("write-back"));
        waitFor(Duration.ofSeconds(3), "back to the value", () -> browser.findElement(By.id("write-value")).isDisplayed());
        WebElement input = browser.findElement(By.id("write-value"));
        input.clear();
        input.sendKeys("13");
        page.sendWrite();
        waitFor(Duration.ofSeconds(5), "the result", () ->
                page.text(By.id("write-result")).startsWith("OK"));
        assertEquals(1, host.writes.size());
        assertEquals(13L, ((Number) host.writes.get(0)[1]).longValue());
    }

    @Test
    void aWrongTokenGetsASentenceForOperators() throws Exception {
        open("s3cret");
        page.click(By.cssSelector("tr[data-tag='setpoint'] button.write"));
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input"))).sendKeys("wrong");
        page.click(By.id("token-ok"));
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("write-value")));
        input.sendKeys("7");
        page.sendWrite();
        waitFor(Duration.ofSeconds(5), "the refusal", () ->
                page.text(By.id("write-result")).startsWith("Nothing was written"));
        String said = page.text(By.id("write-result"));
        assertEquals("Nothing was written: the write token was not accepted. Enter the current token below "
                + "(the host's administrator has it) and press Confirm again.", said);
        assertFalse(said.contains("Authorization") || said.contains("Bearer"), said);
        assertTrue(browser.findElement(By.id("write-token")).isDisplayed());

        browser.findElement(By.id("write-token")).sendKeys("s3cret");
        page.click(By.id("write-confirm"));
        waitFor(Duration.ofSeconds(5), "the write with the right token", () ->
                page.text(By.id("write-result")).startsWith("OK"));
        assertEquals(1, host.writes.size());
    }
}

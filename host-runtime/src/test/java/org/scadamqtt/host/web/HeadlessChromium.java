package org.scadamqtt.host.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless {@code chromium} through {@code chromium-driver} for browser tests,
 * never letting Selenium Manager look for (or download) a browser. Without the two binaries a
 * test is skipped with a message, or fails when {@code CI=true}.
 */
final class HeadlessChromium {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    /** Kept so the settings stick: java.util.logging holds loggers weakly. */
    private static final java.util.List<java.util.logging.Logger> QUIET = java.util.List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium"));

    static {
        // Selenium warns that it has no DevTools bindings for Debian's newer Chromium; the tests use none
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.SEVERE));
    }

    private HeadlessChromium() {
    }

    /** Skips (or, on CI, fails) the calling test when chromium or chromedriver is missing. */
    static void assumeInstalled() {
        boolean present = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
        String message = "browser tests need " + BROWSER + " and " + DRIVER
                + " (apt-get install -y chromium chromium-driver)";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + "; CI=true, so this is a failure");
        }
        Assumptions.assumeTrue(present, message + "; skipping");
    }

    /**
     * Where screenshots go: {@code -Dscada.screenshotDir}, else the build folder the test classes
     * were compiled into (so parallel builds with their own {@code scada.target} do not clash).
     */
    static Path screenshotDir() {
        String dir = System.getProperty("scada.screenshotDir");
        if (dir != null) {
            return Path.of(dir);
        }
        try {
            return Path.of(HeadlessChromium.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (java.net.URISyntaxException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    /** A fresh headless browser with its own profile folder; quit() it after the test. */
    static ChromeDriver start(Path profileParent) throws IOException {
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile = Files.createTempDirectory(profileParent, "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}

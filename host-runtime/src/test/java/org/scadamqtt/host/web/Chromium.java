package org.scadamqtt.host.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.openqa.selenium.chrome.ChromeDriver;
import org.opentest4j.TestAbortedException;
import org.scadamqtt.host.ConsoleKind;
import org.scadamqtt.host.HostException;
import org.scadamqtt.host.HostOptions;
import org.scadamqtt.host.HostRuntime;
import org.scadamqtt.host.tags.HostApi;

/**
 * One headless Chromium per browser test, and the consoles and hosts it looks at. Register it on
 * an instance field: {@code @RegisterExtension final Chromium chromium = new Chromium();}.
 *
 * <p>Before each test it skips (or on CI fails) the test when Chromium is not installed. The
 * browser starts on first use ({@link #open}, {@link #driver()}) with a profile folder of its own.
 * When the test or its {@code @BeforeEach} fails, the page is kept as
 * {@code failed-<class>-<test>.png} in {@link HeadlessChromium#screenshotDir()}. The browser quits
 * right after the test, before the test's own {@code @AfterEach}; then what {@link #console},
 * {@link #host} and {@link #closeAfter} took is closed, newest first, so no page is left talking
 * to a stopping server.
 */
final class Chromium implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
        LifecycleMethodExecutionExceptionHandler {

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private Path profiles;
    private ChromeDriver driver;

    /** The browser, started on the first call. */
    ChromeDriver driver() {
        if (driver == null) {
            try {
                profiles = Files.createTempDirectory("scada-chromium-");
                driver = HeadlessChromium.start(profiles);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return driver;
    }

    /** Loads {@code url} and waits until the console shows "live". */
    ConsolePage open(String url) {
        return ConsolePage.open(driver(), url);
    }

    /** Loads the page of {@code console} (on 127.0.0.1) and waits until it shows "live". */
    ConsolePage open(WebConsole console) {
        return open("http://127.0.0.1:" + console.port() + "/");
    }

    /**
     * A console over {@code api} on a free loopback port, started now and stopped after the test.
     *
     * @param writeToken the token POSTs need, or null for open writes
     */
    WebConsole console(HostApi api, String writeToken) {
        return console(api, 0, writeToken);
    }

    /** A console over {@code api} on {@code port} of 127.0.0.1 (0: a free one), started now and stopped after the test. */
    WebConsole console(HostApi api, int port, String writeToken) {
        WebConsole console = new WebConsole(api, "127.0.0.1", port, writeToken);
        toClose.push(console::stop);
        console.start();
        return console;
    }

    /**
     * The host on {@code config} with its web console on a free loopback port and its output
     * discarded, started now and closed after the test.
     *
     * @param embeddedBroker the port of the host's embedded broker, or null for none
     * @param simulatorRate  messages per second of the simulated devices, 0 for none
     */
    HostRuntime host(Path config, Path dataDir, Integer embeddedBroker, double simulatorRate) throws HostException {
        HostRuntime host = HostRuntime.start(new HostOptions(config, null, dataDir, embeddedBroker, "127.0.0.1", 0,
                null, ConsoleKind.web, simulatorRate), new PrintStream(OutputStream.nullOutputStream()));
        toClose.push(host);
        return host;
    }

    /** Closes {@code resource} after the test, before what was handed over earlier. */
    void closeAfter(AutoCloseable resource) {
        toClose.push(resource);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        HeadlessChromium.assumeInstalled();
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        if (!(failure instanceof TestAbortedException)) {
            keepFailure(context);
        }
        throw failure;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().filter(e -> !(e instanceof TestAbortedException)).isPresent()) {
            keepFailure(context);
        }
        quit();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        quit(); // when a @BeforeEach failed, afterTestExecution did not run
        Exception failed = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        deleteProfiles();
        if (failed != null) {
            throw failed;
        }
    }

    private void keepFailure(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName() + ".png";
        try {
            ConsolePage.of(driver).keepScreenshot(name);
            System.err.println("browser test failed; the page is kept in " + HeadlessChromium.screenshotDir()
                    .resolve(name));
        } catch (IOException | RuntimeException e) {
            System.err.println("browser test failed; no screenshot: " + e);
        }
    }

    private void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    private void deleteProfiles() {
        if (profiles == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profiles)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile folder left in the temp folder is harmless
        }
        profiles = null;
    }
}

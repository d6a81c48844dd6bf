package org.scadamqtt.host.web;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A web console on a free loopback port over a fresh {@link FakeHostApi}, started before each test
 * and stopped after it, with an HTTP client pointed at it. Register it on an instance field:
 * {@code @RegisterExtension final RunningConsole running = new RunningConsole(null);}
 */
final class RunningConsole implements BeforeEachCallback, AfterEachCallback {

    private final FakeHostApi host = new FakeHostApi();
    private final WebConsole console;
    private final ConsoleHttp http;

    /** @param writeToken the token POSTs need, or null for open writes */
    RunningConsole(String writeToken) {
        this.console = new WebConsole(host, "127.0.0.1", 0, writeToken);
        this.http = new ConsoleHttp(console::port);
    }

    /** With an open write endpoint and the given write timeout and per-client event queue. */
    RunningConsole(Duration writeTimeout, int eventQueue) {
        this.console = new WebConsole(host, "127.0.0.1", 0, null, writeTimeout, eventQueue);
        this.http = new ConsoleHttp(console::port);
    }

    FakeHostApi host() {
        return host;
    }

    WebConsole console() {
        return console;
    }

    ConsoleHttp http() {
        return http;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        console.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        console.stop();
    }
}

package org.scadamqtt.host;

import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.web.WebConsole;

/** Starts and stops the web console (package host.web) for the runtime. */
final class WebConsoleHandle implements AutoCloseable {

    private final WebConsole console;

    private WebConsoleHandle(WebConsole console) {
        this.console = console;
    }

    static WebConsoleHandle start(HostApi api, String bind, int port, String writeToken) throws HostException {
        WebConsole c = new WebConsole(api, bind, port, writeToken);
        try {
            c.start();
        } catch (RuntimeException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, "the web console cannot listen on " + bind + ":" + port
                    + " (" + e.getMessage() + "); is the port in use? choose another with --http-port", e);
        }
        return new WebConsoleHandle(c);
    }

    int port() {
        return console.port();
    }

    String bindAddress() {
        return console.bindAddress();
    }

    @Override
    public void close() {
        console.stop();
    }
}

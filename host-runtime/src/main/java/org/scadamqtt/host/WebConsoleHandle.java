package org.scadamqtt.host;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.web.WebConsole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts and stops the web console (package host.web) for the runtime. */
final class WebConsoleHandle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebConsoleHandle.class);

    private final WebConsole console;

    private WebConsoleHandle(WebConsole console) {
        this.console = console;
    }

    /**
     * The port the console will use: {@code port} when it is free (or 0); when it is taken, a free
     * port if {@code fallback}, else a {@link HostException} saying what to do.
     */
    static int choosePort(String bind, int port, boolean fallback) throws HostException {
        if (port == 0 || isFree(bind, port)) {
            return port;
        }
        if (fallback) {
            LOG.warn("port {} on {} is in use (another scada-host or web server?); the web console takes a free "
                    + "port instead", port, bind);
            return 0;
        }
        throw new HostException(ExitCodes.STARTUP_FAILED, "the web console cannot listen on " + bind + ":" + port
                + ": the port is already in use (another scada-host or web server?). Stop that program, or choose "
                + "another port with --http-port N (--http-port 0 picks a free one).");
    }

    private static boolean isFree(String bind, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(bind, port));
            return true;
        } catch (IOException e) {
            // taken, or an address this machine does not have: the console start reports the latter
            return !(e instanceof java.net.BindException) || !String.valueOf(e.getMessage()).contains("in use");
        }
    }

    static WebConsoleHandle start(HostApi api, String bind, int port, String writeToken, List<String> hostNames)
            throws HostException {
        WebConsole c = new WebConsole(api, bind, port, writeToken, WebConsole.DEFAULT_WRITE_TIMEOUT,
                WebConsole.DEFAULT_EVENT_QUEUE, hostNames);
        try {
            c.start();
        } catch (RuntimeException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, e.getMessage() + " Choose another address with "
                    + "--http-bind or port with --http-port.", e);
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

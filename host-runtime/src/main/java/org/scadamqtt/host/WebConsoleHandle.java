package org.scadamqtt.host;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
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
     * port if {@code fallback}, else a {@link HostException} saying what to do. Checked before any
     * line starts, so a wrong {@code --http-bind} or a taken port stops the host at once: an
     * address that is not one (exit 2) or not this machine's (exit 3) is said as such, not as
     * "port in use".
     */
    static int choosePort(String bind, int port, boolean fallback) throws HostException {
        InetAddress address = address(bind);
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(address, port));
            return port;
        } catch (IOException e) {
            if (!inUse(e)) {
                throw new HostException(ExitCodes.STARTUP_FAILED, "the web console cannot listen on " + bind + ": "
                        + "this machine has no such address (" + e.getMessage() + "). Give --http-bind 127.0.0.1 "
                        + "(this machine only), 0.0.0.0 (every interface) or one of this machine's addresses.", e);
            }
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

    /** The bind address as an IP address; names are resolved (localhost), a wrong one is a usage error. */
    static InetAddress address(String bind) throws HostException {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException | SecurityException e) {
            throw new HostException(ExitCodes.USAGE, "--http-bind '" + bind + "' is not an address of this "
                    + "machine; give 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or one of its IP "
                    + "addresses", e);
        }
    }

    private static boolean inUse(IOException e) {
        return e instanceof java.net.BindException && String.valueOf(e.getMessage()).contains("in use");
    }

    /**
     * The warning for a console other machines can reach while writes need no token, or null:
     * anyone on the network could then write to the plant.
     */
    static String exposureWarning(String bind, String writeToken) {
        InetAddress a;
        try {
            a = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            return null;
        }
        if (a.isLoopbackAddress() || writeToken != null) {
            return null;
        }
        return "the web console listens on " + bind + (a.isAnyLocalAddress() ? " (every network interface)" : "")
                + " and writes need no token: anyone who can reach this port can write to output tags and switch "
                + "stations; set a token with --write-token-file FILE (or $" + RunCommand.TOKEN_ENV + "), or bind "
                + "to 127.0.0.1";
    }

    static WebConsoleHandle start(HostApi api, String bind, int port, String writeToken, List<String> hostNames)
            throws HostException {
        String exposed = exposureWarning(bind, writeToken);
        if (exposed != null) {
            LOG.warn("{}", exposed);
        }
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

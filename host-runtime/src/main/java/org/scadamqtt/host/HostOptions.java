package org.scadamqtt.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link HostRuntime} needs to start.
 *
 * @param config         the configuration file
 * @param pluginsDir     folder of driver plugin jars, or null
 * @param dataDir        data folder, or null for the default
 * @param embeddedBroker port for the embedded broker, 0 for "1883 or a free one", or null for no
 *                       embedded broker
 * @param httpBind       web console bind address
 * @param httpPort       web console port (0 for a free one)
 * @param writeToken     token required for writes over HTTP, or null for none
 * @param console        what the operator sees
 * @param simulatorRate  messages per second per simulated device, or 0 for no simulator
 * @param httpPortFallback when {@code httpPort} is taken: true to use a free port instead (the
 *                       demo, where the operator did not choose the port), false to stop with
 *                       exit code 3 (whoever chose the port expects the console there)
 * @param httpHosts      host names (besides localhost and IP addresses) the web console answers to
 */
public record HostOptions(Path config, Path pluginsDir, Path dataDir, Integer embeddedBroker, String httpBind,
        int httpPort, String writeToken, ConsoleKind console, double simulatorRate, boolean httpPortFallback,
        List<String> httpHosts) {

    /** Default bind address: loopback only, so the console is not on the network unless asked. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Default web console port. */
    public static final int DEFAULT_HTTP_PORT = 8080;

    public HostOptions {
        Objects.requireNonNull(config, "config");
        httpBind = httpBind == null ? DEFAULT_BIND : httpBind;
        console = console == null ? ConsoleKind.web : console;
        writeToken = writeToken == null || writeToken.isBlank() ? null : writeToken;
        httpHosts = httpHosts == null ? List.of() : List.copyOf(httpHosts);
    }

    /** Options whose web console answers to localhost and IP addresses only. */
    public HostOptions(Path config, Path pluginsDir, Path dataDir, Integer embeddedBroker, String httpBind,
            int httpPort, String writeToken, ConsoleKind console, double simulatorRate, boolean httpPortFallback) {
        this(config, pluginsDir, dataDir, embeddedBroker, httpBind, httpPort, writeToken, console, simulatorRate,
                httpPortFallback, List.of());
    }

    /** Options whose web console port must be free (no fallback). */
    public HostOptions(Path config, Path pluginsDir, Path dataDir, Integer embeddedBroker, String httpBind,
            int httpPort, String writeToken, ConsoleKind console, double simulatorRate) {
        this(config, pluginsDir, dataDir, embeddedBroker, httpBind, httpPort, writeToken, console, simulatorRate, false);
    }
}

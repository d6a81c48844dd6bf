package org.scadamqtt.host.discover;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverProvider;
import org.scadamqtt.driver.LineStatus;

/**
 * Connects one line for a while only to listen, and returns what its driver discovered. The line
 * is changed so that it cannot disturb a host running the same configuration: its own client id
 * (the configured one with {@code -discover}, or one derived from a host id of its own), no
 * Sparkplug primary host id (it must not announce or retract the running host's STATE), and one
 * catch-all station ({@code #}) instead of the configured ones, so it connects even when the line
 * has none yet and binds no tag.
 */
public final class DiscoveryRun {

    /** The line's parameter a Sparkplug line is its primary host by; cleared for discovery. */
    static final String SPARKPLUG_HOST_ID = "sparkplugHostId";
    static final String CLIENT_ID = "clientId";

    private DiscoveryRun() {
    }

    /** The line as discovery runs it. */
    public static LineConfig listeningLine(LineConfig line) {
        ParameterValues p = line.parameters() == null ? ParameterValues.empty() : line.parameters();
        if (!p.text(CLIENT_ID).isBlank()) {
            p = p.with(CLIENT_ID, p.text(CLIENT_ID) + "-discover");
        }
        if (p.has(SPARKPLUG_HOST_ID)) {
            p = p.with(SPARKPLUG_HOST_ID, "");
        }
        StationConfig all = new StationConfig("DISCOVER", "#", InitialState.ON, ParameterValues.empty(), List.of(),
                line.location());
        return line.withParameters(p).withStations(List.of(all));
    }

    /**
     * Runs the line for {@code listen}, then stops it.
     *
     * @param status receives the line's status changes (connected to …, refused …)
     */
    public static List<DiscoveredPoint> run(DriverProvider provider, LineConfig line, Duration listen, Path dataDir,
            java.util.function.Consumer<LineStatus> status) throws InterruptedException {
        String hostId = "discover-" + UUID.randomUUID().toString().substring(0, 8);
        Driver driver = provider.create(listeningLine(line), new ListeningContext(dataDir, hostId,
                (station, batch) -> { }, status)); // discovery binds no tag
        driver.start();
        try {
            Thread.sleep(listen.toMillis());
            return driver.discovered();
        } finally {
            driver.stop();
        }
    }
}

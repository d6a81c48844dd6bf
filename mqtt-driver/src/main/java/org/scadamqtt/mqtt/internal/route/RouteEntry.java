package org.scadamqtt.mqtt.internal.route;

import java.util.Objects;

/**
 * One station as the router sees it: its name and its D2000 address (a topic, a regular
 * expression, {@code #} or {@code .*}).
 *
 * @param station station name, returned by {@link StationRouter#route(String)}
 * @param address station address as configured
 */
public record RouteEntry(String station, String address) {
    /** Checks that both parts are present. */
    public RouteEntry {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(address, "address");
    }
}

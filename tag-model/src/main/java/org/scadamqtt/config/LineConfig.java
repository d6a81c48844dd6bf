package org.scadamqtt.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One communication line: a broker connection and its stations.
 *
 * @param name       unique in the configuration
 * @param protocol   driver protocol code, e.g. {@code mqtt}
 * @param hosts      the broker addresses in order of preference (the first is primary); each may
 *                   carry a scheme ({@code tcp:// ssl:// ws:// wss://}) and a port
 * @param port       default port for hosts that name none
 * @param parameters line parameters
 * @param stations   the stations, in file order
 * @param location   where it is declared
 */
public record LineConfig(String name, String protocol, List<String> hosts, int port,
        ParameterValues parameters, List<StationConfig> stations, SourceLocation location) {
    public LineConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        hosts = List.copyOf(hosts);
        parameters = parameters == null ? ParameterValues.empty() : parameters;
        stations = List.copyOf(stations);
        location = location == null ? SourceLocation.NONE : location;
    }

    public Optional<StationConfig> station(String stationName) {
        return stations.stream().filter(s -> s.name().equals(stationName)).findFirst();
    }

    /** The same line with other stations (used when the host changes one station's state). */
    public LineConfig withStations(List<StationConfig> newStations) {
        return new LineConfig(name, protocol, hosts, port, parameters, newStations, location);
    }

    /** The same line with other parameters. */
    public LineConfig withParameters(ParameterValues newParameters) {
        return new LineConfig(name, protocol, hosts, port, newParameters, stations, location);
    }
}

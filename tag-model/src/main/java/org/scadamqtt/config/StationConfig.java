package org.scadamqtt.config;

import java.util.List;
import java.util.Objects;

/**
 * One station on a line.
 *
 * @param name         unique in the whole configuration
 * @param address      topic, regular expression, {@code #} or {@code .*}
 * @param initialState the state it starts in
 * @param parameters   station parameters (SWT, SWP, timeZone, …)
 * @param tags         its I/O tags, in file order
 * @param location     where it is declared
 */
public record StationConfig(String name, String address, InitialState initialState,
        ParameterValues parameters, List<TagConfig> tags, SourceLocation location) {
    public StationConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        initialState = initialState == null ? InitialState.ON : initialState;
        parameters = parameters == null ? ParameterValues.empty() : parameters;
        tags = List.copyOf(tags);
        location = location == null ? SourceLocation.NONE : location;
    }
}

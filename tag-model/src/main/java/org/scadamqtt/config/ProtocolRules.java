package org.scadamqtt.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the configuration loader needs to know about one protocol: its parameter tables and a
 * check for everything the tables cannot express (tag addresses, combinations of parameters).
 * A driver supplies it; {@code tag-model} depends on no driver.
 *
 * @param protocol          the protocol code used in {@code <line protocol="…">}, e.g. {@code mqtt}
 * @param lineParameters    the parameters a line of this protocol takes
 * @param stationParameters the parameters a station of this protocol takes
 * @param validator         driver-specific checks of a read line; returns its problems (never
 *                          throws), each located at the line, station or tag it concerns
 */
public record ProtocolRules(String protocol, List<ParameterDescriptor> lineParameters,
        List<ParameterDescriptor> stationParameters, Function<LineConfig, List<ConfigProblem>> validator) {

    public ProtocolRules {
        Objects.requireNonNull(protocol, "protocol");
        lineParameters = List.copyOf(lineParameters);
        stationParameters = List.copyOf(stationParameters);
        validator = validator == null ? line -> List.of() : validator;
    }
}

package org.scadamqtt.driver;

import java.util.List;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;

/**
 * Entry point of a driver, found by {@link java.util.ServiceLoader}. A host refuses two providers
 * with the same {@link #protocol()} code.
 */
public interface DriverProvider {

    /** Protocol code used in configuration ({@code <line protocol="mqtt">}). */
    String protocol();

    /** A human-readable name, e.g. "MQTT Client Protocol". */
    String displayName();

    /** The line parameters this driver accepts, with defaults and descriptions. */
    List<ParameterDescriptor> lineParameters();

    /** The station parameters this driver accepts. */
    List<ParameterDescriptor> stationParameters();

    /**
     * Checks what the parameter table cannot: addresses of stations and tags, combinations of
     * parameters. Returns every problem found, each with its location; a line is valid when none
     * of them is an error ({@link ConfigProblem#isError()}): warnings are shown but do not stop it.
     */
    List<ConfigProblem> validate(LineConfig line);

    /** Creates a driver for one line; it does not communicate before {@link Driver#start()}. */
    Driver create(LineConfig line, DriverContext context);
}

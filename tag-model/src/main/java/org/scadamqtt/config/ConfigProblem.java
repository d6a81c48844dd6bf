package org.scadamqtt.config;

import java.util.Objects;

/**
 * One problem found in a configuration.
 *
 * @param location where it is
 * @param code     machine-readable code, e.g. {@code UNKNOWN_PARAMETER}, {@code BAD_VALUE}
 * @param message  a sentence that names what is wrong and the valid choices
 */
public record ConfigProblem(SourceLocation location, String code, String message) {

    public ConfigProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: message [CODE]}. */
    @Override
    public String toString() {
        return location + ": " + message + " [" + code + "]";
    }
}

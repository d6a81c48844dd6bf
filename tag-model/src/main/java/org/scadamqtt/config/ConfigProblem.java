package org.scadamqtt.config;

import java.util.Objects;

/**
 * One problem found in a configuration.
 *
 * @param location where it is
 * @param code     machine-readable code, e.g. {@code UNKNOWN_PARAMETER}, {@code BAD_VALUE}
 * @param message  a sentence that names what is wrong and the valid choices
 * @param severity whether it stops the configuration from running ({@link Severity#ERROR}) or
 *                 only deserves a look ({@link Severity#WARNING})
 */
public record ConfigProblem(SourceLocation location, String code, String message, Severity severity) {

    /** How serious a problem is. */
    public enum Severity {
        /** The configuration cannot run: it is refused whole. */
        ERROR,
        /**
         * The configuration runs, but probably not as meant (a station no message can reach, two
         * tags reading one field); printed by {@code validate} and logged at start and reload.
         */
        WARNING
    }

    public ConfigProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    /** An error (the configuration is refused). */
    public ConfigProblem(SourceLocation location, String code, String message) {
        this(location, code, message, Severity.ERROR);
    }

    /** A warning (the configuration still runs). */
    public static ConfigProblem warning(SourceLocation location, String code, String message) {
        return new ConfigProblem(location, code, message, Severity.WARNING);
    }

    /** Whether this problem stops the configuration from running. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code file:line:column: message [CODE]} for an error,
     * {@code file:line:column: warning: message [CODE]} for a warning.
     */
    @Override
    public String toString() {
        return location + ": " + (isError() ? "" : "warning: ") + message + " [" + code + "]";
    }
}

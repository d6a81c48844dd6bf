package org.scadamqtt.config;

/** The state a station starts in, as configured. */
public enum InitialState {
    /** Communicating. */
    ON,
    /** Communication stopped: no values, no writes. */
    OFF,
    /** Simulated by the host: the driver does not communicate for it. */
    SIMUL
}

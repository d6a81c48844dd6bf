package org.scadamqtt.driver;

/** What the host may ask of a station. */
public enum StationControl {
    /** Communicate. */
    ON,
    /** Stop communication. */
    OFF,
    /** Simulate: the host supplies values; the driver does not communicate. */
    SIMUL
}

package org.scadamqtt.driver;

/** D2000 station states, as the driver reports them to the host. */
public enum StationState {
    /** Communicating normally. */
    StON,
    /** Communication stopped by the host: no values, no writes. */
    StOFF,
    /** Communication error (the line is down). */
    StCOMERR,
    /** Hard error: line down beyond the time filter, or the station's will message received. */
    StHARDERR,
    /** Simulated by the host: the driver does not communicate for this station. */
    StSIMUL
}

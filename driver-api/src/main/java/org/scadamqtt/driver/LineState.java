package org.scadamqtt.driver;

/** The connection state of a line. */
public enum LineState {
    /** Trying to reach a broker. */
    CONNECTING,
    /** Connected and subscribed. */
    CONNECTED,
    /** Not connected; the status reason says why. */
    DISCONNECTED
}

package org.scadamqtt.tag;

/** Machine-readable reason that goes with a quality other than GOOD. */
public enum Reason {
    /** No reason: the value is good. */
    NONE,
    /** The driver (re)started and no message has set this tag yet. */
    NOT_INITIALIZED,
    /** The line is not connected to a broker. */
    NOT_CONNECTED,
    /** The station is in communication or hard error (line down, station will received). */
    STATION_ERROR,
    /** The station is switched off (StOFF). */
    STATION_OFF,
    /** The station is simulated (StSIMUL): the value is set by hand, not read from the device. */
    SIMULATED,
    /** The tag's JSON address is absent from the message. */
    MISSING_IN_PAYLOAD,
    /** The message content does not convert to the tag's type. */
    CONVERSION_ERROR,
    /** The payload could not be decoded (for example, not JSON when JSON was configured). */
    PAYLOAD_ERROR,
    /**
     * The value is older than expected: no message refreshed it within the station's staleAfter,
     * or the payload profile knows it may be out of date (a Sparkplug sequence gap).
     */
    STALE
}

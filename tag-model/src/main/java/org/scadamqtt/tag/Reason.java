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
    /** The station is simulated by the host (StSIMUL). */
    SIMULATED,
    /** The tag's JSON address is absent from the message. */
    MISSING_IN_PAYLOAD,
    /** The message content does not convert to the tag's type. */
    CONVERSION_ERROR,
    /** The payload could not be decoded (for example, not JSON when JSON was configured). */
    PAYLOAD_ERROR,
    /** The value is older than expected. */
    STALE,
    /** The timestamp in the payload was missing or unreadable; the receive time is used. */
    TIME_MISSING
}

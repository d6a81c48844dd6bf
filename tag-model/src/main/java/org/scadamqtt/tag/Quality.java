package org.scadamqtt.tag;

/** How far a value can be trusted. */
public enum Quality {
    /** The value came from the device as it is. */
    GOOD,
    /** A value is present but may not be current or exact (the reason says why). */
    UNCERTAIN,
    /** No usable value (the reason says why). */
    BAD
}

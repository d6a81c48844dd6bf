package org.scadamqtt.tag;

/** Whether the driver produces a tag's value (input) or the host writes it (output). */
public enum Direction {
    /** The driver sets the value from received messages. */
    INPUT,
    /** The host writes the value; the driver sends it. */
    OUTPUT
}

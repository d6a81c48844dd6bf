package org.scadamqtt.config;

/** The kind of a configuration parameter; decides how its text is read. */
public enum ParameterType {
    /** YES/NO, true/false, 1/0, on/off: read as {@link Boolean}. */
    BOOLEAN,
    /** QoS_0..QoS_2 or 0..2: read as {@link Integer}. */
    QOS,
    /** A whole number within the descriptor's range: read as {@link Long}. */
    INTEGER,
    /** Seconds, fraction allowed ("0.100"), within the range: read as {@link java.time.Duration}. */
    SECONDS,
    /** Free text: read as {@link String}. */
    TEXT,
    /** Free text that is never logged or shown (passwords): read as {@link String}. */
    SECRET,
    /** One of the descriptor's choices (aliases allowed): read as the canonical choice {@link String}. */
    CHOICE
}

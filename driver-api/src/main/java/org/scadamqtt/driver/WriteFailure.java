package org.scadamqtt.driver;

/** Why a write failed. */
public enum WriteFailure {
    /** The line is not connected to a broker. */
    NOT_CONNECTED,
    /** The station has no OUT_TOPIC value to publish on. */
    NO_OUT_TOPIC,
    /** The broker did not confirm in time. */
    TIMEOUT,
    /** The broker or client refused the publish. */
    REJECTED,
    /** The value is not what the tag accepts (e.g. ACK_ID not equal to IN_ID). */
    WRONG_VALUE,
    /** The station is StOFF or StSIMUL. */
    STATION_NOT_ON,
    /** The tag is an input tag. */
    NOT_WRITABLE,
    /** No such tag on this line. */
    UNKNOWN_TAG,
    /** The driver is stopped. */
    STOPPED
}

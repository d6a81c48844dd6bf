package org.scadamqtt.mqtt.internal;

/**
 * The broker acknowledgement (PUBACK/PUBREC) of one inbound message, bound to the connection it
 * arrived on. Whoever finishes the message calls {@link #acknowledge()} once its values reached
 * the host (after the ACK_ID write when the station has one).
 *
 * <p>Safe from any thread. Calling it again does nothing; calling it after its connection is gone
 * does nothing either (the broker delivers the message again on the next connection).
 */
@FunctionalInterface
public interface Acknowledgement {

    /** The handle of a QoS 0 message: nothing to acknowledge. */
    Acknowledgement NONE = () -> { };

    /** Lets the acknowledgement go to the broker, at most once. */
    void acknowledge();
}

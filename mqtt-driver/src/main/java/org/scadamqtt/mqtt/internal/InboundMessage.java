package org.scadamqtt.mqtt.internal;

import java.time.Instant;

/**
 * One PUBLISH received from the broker, detached from Paho.
 *
 * @param topic      topic name
 * @param payload    payload bytes (not copied; do not modify)
 * @param qos        0, 1 or 2
 * @param messageId  packet identifier; 0 for QoS 0
 * @param retained   retain flag
 * @param duplicate  DUP flag (redelivery)
 * @param receivedAt when the client handed it over
 * @param ack        its broker acknowledgement; {@link Acknowledgement#NONE} for QoS 0
 */
public record InboundMessage(String topic, byte[] payload, int qos, int messageId, boolean retained,
        boolean duplicate, Instant receivedAt, Acknowledgement ack) {

    /** The message as a payload profile sees it. */
    public org.scadamqtt.mqtt.profile.InboundView view() {
        return new org.scadamqtt.mqtt.profile.InboundView(topic, payload, qos, retained, duplicate, receivedAt);
    }
}

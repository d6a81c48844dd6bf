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
 * @param sequence   arrival number on this line, from 1, increasing
 */
public record InboundMessage(String topic, byte[] payload, int qos, int messageId, boolean retained,
        boolean duplicate, Instant receivedAt, long sequence) {

    /** Whether the broker waits for an acknowledgement ({@link MqttSession#acknowledge}). */
    public boolean needsAck() {
        return qos > 0;
    }

    /** The message as a payload profile sees it. */
    public org.scadamqtt.mqtt.profile.InboundView view() {
        return new org.scadamqtt.mqtt.profile.InboundView(topic, payload, qos, retained, duplicate, receivedAt);
    }
}

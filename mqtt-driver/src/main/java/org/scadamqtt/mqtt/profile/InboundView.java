package org.scadamqtt.mqtt.profile;

import java.time.Instant;

/**
 * One received message as a profile sees it.
 *
 * @param topic      topic name
 * @param payload    payload bytes; shared, do not modify
 * @param qos        0, 1 or 2
 * @param retained   retain flag (a retained message may be old)
 * @param duplicate  DUP flag (the broker may have delivered it before)
 * @param receivedAt when the driver received it
 */
public record InboundView(String topic, byte[] payload, int qos, boolean retained, boolean duplicate,
        Instant receivedAt) {
}

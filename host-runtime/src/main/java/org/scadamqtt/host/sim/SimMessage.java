package org.scadamqtt.host.sim;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One message the simulator publishes.
 *
 * @param topic    MQTT topic
 * @param payload  payload bytes
 * @param qos      0, 1 or 2
 * @param retained retain flag
 */
public record SimMessage(String topic, byte[] payload, int qos, boolean retained) {
    public SimMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, found " + qos);
        }
    }

    /** A UTF-8 text message. */
    public static SimMessage text(String topic, String payload, int qos, boolean retained) {
        return new SimMessage(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
    }

    /** The payload as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}

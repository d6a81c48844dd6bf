package org.scadamqtt.mqtt.profile;

import java.util.Objects;

/**
 * The MQTT will a profile puts into the line's CONNECT instead of the line's will parameters (a
 * Sparkplug primary host's STATE death certificate).
 *
 * @param topic   will topic (no wildcards)
 * @param message will payload, sent as UTF-8
 * @param qos     0, 1 or 2
 * @param retain  retain flag
 */
public record Will(String topic, String message, int qos, boolean retain) {

    public Will {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("will QoS " + qos + " is not 0, 1 or 2");
        }
    }
}

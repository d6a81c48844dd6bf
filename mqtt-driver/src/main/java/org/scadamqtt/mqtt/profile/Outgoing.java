package org.scadamqtt.mqtt.profile;

import java.util.Objects;

/**
 * A message a write sends.
 *
 * @param topic       topic to publish on (no wildcards); empty for a {@link #deferred} write
 * @param payload     payload bytes
 * @param qos         0, 1 or 2; -1: the line's Publish QoS
 * @param retain      retain flag; null: the line's Publish Retain
 * @param correlation non-null: the write completes only when the profile session calls
 *                    {@link ProfileContext#completeReply} with this key (the device's answer), or
 *                    fails with TIMEOUT after the line's Reply Timeout; null: it completes when the
 *                    broker confirms as the QoS requires
 */
public record Outgoing(String topic, byte[] payload, int qos, Boolean retain, String correlation) {

    public Outgoing {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < -1 || qos > 2) {
            throw new IllegalArgumentException("QoS " + qos + " is not 0, 1 or 2");
        }
    }

    /** With the line's Publish QoS and Retain, completed by the broker. */
    public static Outgoing of(String topic, byte[] payload) {
        return new Outgoing(topic, payload, -1, null, null);
    }

    /** The same, completed by the answer carrying this correlation. */
    public Outgoing correlated(String key) {
        return new Outgoing(topic, payload, qos, retain, Objects.requireNonNull(key, "key"));
    }

    /**
     * A write the profile sends later itself (it coalesces writes, or must respect a broker's rate
     * limit): the core publishes nothing, registers the correlation with the line's Reply Timeout,
     * and the write completes when the session calls {@link ProfileContext#completeReply} with
     * {@code key} (OK once the profile's own {@link ProfileContext#publish} succeeded), or fails with
     * TIMEOUT. Recognised by {@link #isDeferred()}: an empty topic with a correlation.
     */
    public static Outgoing deferred(String key) {
        return new Outgoing("", new byte[0], -1, null, Objects.requireNonNull(key, "key"));
    }

    /** Whether the core must not publish this (see {@link #deferred(String)}). */
    public boolean isDeferred() {
        return topic.isEmpty() && correlation != null;
    }

    /** The same with this QoS. */
    public Outgoing withQos(int newQos) {
        return new Outgoing(topic, payload, newQos, retain, correlation);
    }
}

package org.scadamqtt.mqtt.profile;

/** A compiled input address of a profile (e.g. a Sparkplug metric by name). */
public non-sealed interface InputAddress extends ProfileAddress {

    /**
     * Reads this tag's value from one decoded message. Runs on the station's lane; never throws.
     *
     * @param message the received message
     * @param decoded what the station's profile session decoded (never a failure: the core
     *                handles those)
     * @return the value with its own time and quality, {@link Reading#missing} when the message
     *         does not carry it, or {@link Reading#unchanged()} to leave the tag's value unchanged
     */
    Reading read(InboundView message, Decoded decoded);
}

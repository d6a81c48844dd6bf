package org.scadamqtt.mqtt.profile;

/**
 * A tag address compiled by a profile: an {@link InputAddress} reads a value from each decoded
 * message, an {@link OutputAddress} turns a write into a message. Immutable and thread-safe.
 */
public sealed interface ProfileAddress permits InputAddress, OutputAddress {
}

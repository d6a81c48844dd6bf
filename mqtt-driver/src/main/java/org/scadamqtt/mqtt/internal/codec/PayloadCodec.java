package org.scadamqtt.mqtt.internal.codec;

/**
 * Turns the bytes of one received payload into a document the tag binder reads from.
 * Implementations are immutable and thread-safe; {@link #decode(byte[])} never throws for bad
 * input, it returns a {@link DecodedPayload} with an error sentence instead.
 */
public interface PayloadCodec {
    /**
     * Decodes one payload.
     *
     * @param payload the raw payload bytes, never {@code null}
     * @return the document, or an error sentence
     */
    DecodedPayload decode(byte[] payload);
}

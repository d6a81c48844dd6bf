package org.scadamqtt.mqtt.internal.codec;

/**
 * Payload Type "Text only": the payload is not parsed. Only the IN_TOPIC / IN_DATA / IN_ID tags
 * receive values, so there is no document and nothing can fail here.
 */
public final class TextCodec implements PayloadCodec {

    /** The one instance; the codec has no state. */
    public static final TextCodec INSTANCE = new TextCodec();

    /** Prefer {@link #INSTANCE}; instances are interchangeable. */
    public TextCodec() {
    }

    /** @return always {@link DecodedPayload#noDocument()} */
    @Override
    public DecodedPayload decode(byte[] payload) {
        return DecodedPayload.noDocument();
    }

    @Override
    public String toString() {
        return "TextCodec";
    }
}

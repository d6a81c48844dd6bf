package org.scadamqtt.mqtt.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a {@link PayloadCodec} made of one payload: a document, an error sentence, or neither
 * (a text payload has no document and no error).
 *
 * @param document the parsed document; {@code null} when the codec produces none or decoding failed
 * @param error a sentence a SCADA engineer understands saying why decoding failed (without topic or
 *              station: the caller adds those); {@code null} when decoding did not fail
 */
public record DecodedPayload(JsonNode document, String error) {

    private static final DecodedPayload NO_DOCUMENT = new DecodedPayload(null, null);

    /** Checks that a result is not both a document and an error. */
    public DecodedPayload {
        if (document != null && error != null) {
            throw new IllegalArgumentException("a decoded payload has either a document or an error, not both");
        }
    }

    /** @return a successful result with this document */
    public static DecodedPayload of(JsonNode document) {
        return new DecodedPayload(java.util.Objects.requireNonNull(document, "document"), null);
    }

    /** @return a failed result with this sentence */
    public static DecodedPayload failure(String error) {
        return new DecodedPayload(null, java.util.Objects.requireNonNull(error, "error"));
    }

    /** @return the shared result of codecs that produce no document (plain text) */
    public static DecodedPayload noDocument() {
        return NO_DOCUMENT;
    }

    /** @return true when decoding failed; {@link #error()} says why */
    public boolean failed() {
        return error != null;
    }
}

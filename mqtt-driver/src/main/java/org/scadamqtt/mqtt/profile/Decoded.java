package org.scadamqtt.mqtt.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What a profile made of one payload.
 *
 * @param document the fields {@code JA=} paths and the time field read; null when the profile
 *                 produces none or decoding failed
 * @param binary   the bytes {@code BIN=} fields read by default: the payload, or the part of it
 *                 that carries the device's data (a Wirepas application payload, Gizwits P0)
 * @param body     the profile's own decoded form, for its own compiled addresses; may be null
 * @param signal   what the message says about its station (a gateway went offline, came back)
 * @param error    why decoding failed, a sentence naming the byte offset or path; null when it did not
 */
public record Decoded(JsonNode document, byte[] binary, Object body, StationSignal signal, String error) {

    private static final Decoded NOTHING = new Decoded(null, null, null, StationSignal.none(), null);

    public Decoded {
        Objects.requireNonNull(signal, "signal");
        if (error != null && document != null) {
            throw new IllegalArgumentException("a decoded payload has either a document or an error, not both");
        }
    }

    /** No document (a text payload): only the D2000 addresses, TL= and BIN= on the payload read it. */
    public static Decoded nothing() {
        return NOTHING;
    }

    /** A document. */
    public static Decoded of(JsonNode document) {
        return new Decoded(Objects.requireNonNull(document, "document"), null, null, StationSignal.none(), null);
    }

    /** Decoding failed: every tag reading the payload goes BAD with this sentence. */
    public static Decoded failure(String error) {
        return new Decoded(null, null, null, StationSignal.none(), Objects.requireNonNull(error, "error"));
    }

    /** The same with other bytes for {@code BIN=} fields. */
    public Decoded withBinary(byte[] bytes) {
        return new Decoded(document, bytes, body, signal, error);
    }

    /** The same with the profile's own decoded form. */
    public Decoded withBody(Object newBody) {
        return new Decoded(document, binary, newBody, signal, error);
    }

    /** The same with a signal for the station. */
    public Decoded withSignal(StationSignal newSignal) {
        return new Decoded(document, binary, body, newSignal, error);
    }

    /** Whether decoding failed. */
    public boolean failed() {
        return error != null;
    }
}

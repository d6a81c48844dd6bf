package org.scadamqtt.mqtt.internal.codec;

import java.util.Locale;

/**
 * Chooses the codec for a line's Payload Type parameter. Profiles (Wirepas, Gizwits, ...) add their
 * types here later.
 */
public final class PayloadCodecs {

    private PayloadCodecs() {
    }

    /**
     * Returns the shared codec for a Payload Type value.
     *
     * @param payloadType {@code TEXT} or {@code JSON} (case-insensitive; the D2000 spellings
     *                    "Text only" and "Text" are accepted too)
     * @return the codec; codecs are immutable and may be shared by every station
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static PayloadCodec forType(String payloadType) {
        String key = payloadType == null ? "" : payloadType.trim().toUpperCase(Locale.ROOT);
        switch (key) {
            case "TEXT":
            case "TEXT ONLY":
                return TextCodec.INSTANCE;
            case "JSON":
                return JsonCodec.INSTANCE;
            default:
                throw new IllegalArgumentException("Payload Type '" + payloadType
                        + "' is not known; use TEXT or JSON");
        }
    }
}

package org.scadamqtt.mqtt.profiles.lorawan;

import java.util.Locale;

/** The network servers whose message formats the profile reads; AUTO recognises each message by its fields. */
enum NetworkServer {
    AUTO, TTS, LORIOT;

    /** The lorawanServer parameter's canonical value (unknown or empty: AUTO). */
    static NetworkServer of(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "TTS" -> TTS;
            case "LORIOT" -> LORIOT;
            default -> AUTO;
        };
    }

    /** The name for sentences. */
    String title() {
        return switch (this) {
            case TTS -> "The Things Stack";
            case LORIOT -> "LORIOT";
            case AUTO -> "AUTO";
        };
    }
}

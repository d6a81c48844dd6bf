package org.scadamqtt.mqtt.internal.bind;

import java.util.Locale;
import java.util.Objects;

/**
 * What a tag's address means: one of the fixed D2000 addresses or {@code JA=path}.
 *
 * @param kind     which address
 * @param jsonPath the path text after {@code JA=}; empty for the fixed addresses
 */
public record TagAddress(Kind kind, String jsonPath) {

    /** The address kinds of the MQTT Client Protocol. */
    public enum Kind {
        IN_TOPIC, IN_DATA, IN_ID, ACK_ID, OUT_TOPIC, OUT_VALUE, JSON, UNKNOWN
    }

    public TagAddress {
        Objects.requireNonNull(kind, "kind");
        jsonPath = jsonPath == null ? "" : jsonPath;
    }

    /**
     * Reads an address as written in a configuration. Fixed addresses are matched ignoring case
     * and surrounding blanks; the path after {@code JA=} is kept exactly as written.
     */
    public static TagAddress parse(String address) {
        String a = address == null ? "" : address.trim();
        if (a.length() >= 3 && a.substring(0, 3).equalsIgnoreCase("JA=")) {
            return new TagAddress(Kind.JSON, a.substring(3));
        }
        for (Kind k : Kind.values()) {
            if (k != Kind.JSON && k != Kind.UNKNOWN && k.name().equals(a.toUpperCase(Locale.ROOT))) {
                return new TagAddress(k, "");
            }
        }
        return new TagAddress(Kind.UNKNOWN, "");
    }
}

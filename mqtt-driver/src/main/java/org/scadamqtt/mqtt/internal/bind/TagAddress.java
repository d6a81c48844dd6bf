package org.scadamqtt.mqtt.internal.bind;

import java.util.Locale;
import java.util.Objects;

/**
 * What a tag's address means, by its prefix: one of the fixed D2000 addresses, {@code JA=path},
 * {@code TL=n}, {@code BIN=...}, or (UNKNOWN) something only the line's payload profile may know.
 * {@link AddressCompiler} turns it into the one compiled form the validator and the binder share.
 *
 * @param kind     which address
 * @param jsonPath the text after the prefix ({@code JA=}, {@code TL=}; for BIN the text after
 *                 {@code BIN}, starting with {@code =} or {@code (}); empty for the fixed addresses
 */
public record TagAddress(Kind kind, String jsonPath) {

    /** The address kinds of the MQTT Client Protocol. */
    public enum Kind {
        IN_TOPIC, IN_DATA, IN_ID, ACK_ID, OUT_TOPIC, OUT_VALUE, JSON, TOPIC_LEVEL, BINARY, PROFILE, UNKNOWN
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
        if (a.length() >= 3 && a.substring(0, 3).equalsIgnoreCase("TL=")) {
            return new TagAddress(Kind.TOPIC_LEVEL, a.substring(3));
        }
        if (a.length() >= 4 && (a.substring(0, 4).equalsIgnoreCase("BIN=") || a.substring(0, 4).equalsIgnoreCase("BIN("))) {
            return new TagAddress(Kind.BINARY, a.substring(3));
        }
        for (Kind k : Kind.values()) {
            if (k.ordinal() <= Kind.OUT_VALUE.ordinal() && k.name().equals(a.toUpperCase(Locale.ROOT))) {
                return new TagAddress(k, "");
            }
        }
        return new TagAddress(Kind.UNKNOWN, "");
    }
}

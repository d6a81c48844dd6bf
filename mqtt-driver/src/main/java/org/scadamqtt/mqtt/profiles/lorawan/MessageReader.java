package org.scadamqtt.mqtt.profiles.lorawan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.scadamqtt.tag.convert.IsoDateTime;

/** What the readers of both servers share: the result, and careful accessors that never throw. */
final class MessageReader {

    /** Instants the time mask ISO8601 can read back: years 0000 to 9999. */
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * One message read.
     *
     * @param envelope what it reports; null when it could not be read
     * @param payload  the application payload for BIN= (empty when the message carries none)
     * @param error    why it could not be read; null when it could
     */
    record Result(Envelope envelope, byte[] payload, String error) {

        static Result of(Envelope envelope, byte[] payload) {
            return new Result(envelope, payload, null);
        }

        static Result failure(String error) {
            return new Result(null, null, error);
        }
    }

    private MessageReader() {
    }

    /** The text of a field; "" when absent or not text. */
    static String text(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n != null && n.isTextual() ? n.textValue() : "";
    }

    /** The object at a field; null when absent or not an object. */
    static ObjectNode object(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n instanceof ObjectNode o ? o : null;
    }

    /** Copies a numeric field (or numeric text, as The Things Stack writes 64-bit numbers) to {@code lw}. */
    static void number(JsonNode parent, String field, ObjectNode lw, String name) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null) {
            return;
        }
        if (n.isNumber()) {
            lw.set(name, n);
        } else if (n.isTextual()) {
            try {
                lw.put(name, Long.parseLong(n.textValue().strip()));
            } catch (NumberFormatException e) {
                // not a number: the normalised field stays absent, JA= on it says MISSING
            }
        }
    }

    /**
     * An RFC 3339 time as {@link Instant#toString()} (nanoseconds kept); null when it is not one.
     * Read like the ISO8601 time mask reads it ({@link IsoDateTime}): a time without an offset is UTC.
     */
    static String rfc3339(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // the project's one ISO-8601 reader, the one the ISO8601 time mask reads this field back with
            return inRange(IsoDateTime.parse(text.strip(), ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Epoch milliseconds as {@link Instant#toString()}; null when the node is not a whole number. */
    static String epochMillis(JsonNode n) {
        if (n == null) {
            return null;
        }
        try {
            if (n.isIntegralNumber() && n.canConvertToLong()) {
                return inRange(Instant.ofEpochMilli(n.longValue()));
            }
            if (n.isTextual()) {
                return inRange(Instant.ofEpochMilli(Long.parseLong(n.textValue().strip())));
            }
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
        return null;
    }

    private static String inRange(Instant t) {
        return t.isBefore(FIRST) || t.isAfter(LAST) ? null : t.toString();
    }

    /** The texts of an array field; empty when absent. */
    static List<String> texts(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || !n.isArray()) {
            return List.of();
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>(n.size());
        n.forEach(x -> {
            if (x.isTextual()) {
                out.add(x.textValue());
            }
        });
        return out;
    }

    /**
     * Picks the strongest of several gateways' receptions (highest rssi) and writes its rssi, snr
     * and gateway to {@code lw}, with the count of gateways.
     */
    static void strongest(JsonNode receptions, String rssiField, String gatewayIdPath, ObjectNode lw) {
        if (receptions == null || !receptions.isArray() || receptions.isEmpty()) {
            return;
        }
        JsonNode best = null;
        for (JsonNode r : receptions) {
            JsonNode rssi = r.get(rssiField);
            if (rssi == null || !rssi.isNumber()) {
                rssi = r.get("channel_rssi");
            }
            if (rssi != null && rssi.isNumber()) {
                JsonNode bestRssi = best == null ? null : rssiOf(best, rssiField);
                if (bestRssi == null || rssi.doubleValue() > bestRssi.doubleValue()) {
                    best = r;
                }
            }
        }
        lw.put("gateways", receptions.size());
        if (best == null) {
            return;
        }
        lw.set("rssi", rssiOf(best, rssiField));
        number(best, "snr", lw, "snr");
        JsonNode gw = best.at(gatewayIdPath);
        if (gw.isTextual()) {
            lw.put("gateway", gw.textValue());
        }
    }

    private static JsonNode rssiOf(JsonNode r, String rssiField) {
        JsonNode rssi = r.get(rssiField);
        return rssi != null && rssi.isNumber() ? rssi : r.get("channel_rssi");
    }
}

package org.scadamqtt.mqtt.profiles.wegnology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.DecoderDefect;

/**
 * Reads a device command {@code {"name":"…","payload":…,"time":…}}: JA= paths read it as it is,
 * except that its time, whatever form it came in ({@code {"$date":"ISO-8601"}}, epoch seconds,
 * epoch milliseconds), is always {@code time.$date} in ISO-8601 UTC, so one time field
 * ({@code time.$date}, mask ISO8601) reads them all. Never throws.
 */
final class WegnologyCommands {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Epoch numbers above this are milliseconds (1e11 s would be the year 5138). */
    private static final double MILLIS_FROM = 1e11;

    private WegnologyCommands() {
    }

    static Decoded decode(byte[] payload) {
        JsonNode doc;
        try {
            doc = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return Decoded.failure("WEGnology message of " + payload.length + " bytes is not JSON: "
                    + e.getOriginalMessage() + " at byte " + e.getLocation().getByteOffset());
        } catch (IOException e) {
            // e.g. CharConversionException for bytes that are not UTF-8/16/32
            return Decoded.failure("WEGnology message of " + payload.length + " bytes is not JSON text: " + e);
        } catch (RuntimeException e) {
            return DecoderDefect.failure("WEGnology message of " + payload.length + " bytes", e);
        }
        if (doc == null || !doc.isObject()) {
            return Decoded.failure("WEGnology message of " + payload.length + " bytes is not a JSON object "
                    + "{\"name\":…,\"payload\":…}");
        }
        ObjectNode o = (ObjectNode) doc;
        JsonNode time = o.get("time");
        if (time != null && time.isNumber() && Double.isFinite(time.doubleValue())) {
            // a huge exponent (1e400) has no decimalValue: it stays as it came, the time field reports it
            Instant t = epoch(time.decimalValue());
            if (t != null) {
                o.putObject("time").put("$date", t.toString()).set("epoch", time);
            }
        }
        return Decoded.of(o);
    }

    private static Instant epoch(BigDecimal v) {
        try {
            BigDecimal ms = v.abs().doubleValue() >= MILLIS_FROM ? v : v.movePointRight(3);
            return Instant.ofEpochMilli(ms.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException | DateTimeException e) {
            return null; // out of range: left as it came, the time field then reports it
        }
    }
}

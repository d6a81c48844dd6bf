package org.scadamqtt.mqtt.profiles.lorawan;

import static org.scadamqtt.mqtt.profiles.lorawan.MessageReader.number;
import static org.scadamqtt.mqtt.profiles.lorawan.MessageReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scadamqtt.mqtt.profiles.lorawan.Envelope.Event;
import org.scadamqtt.mqtt.profiles.lorawan.MessageReader.Result;

/**
 * Reads LORIOT application messages (LORIOT "Application Data Format"): {@code cmd} "rx" (an
 * uplink: EUI, ts in epoch ms, fcnt, port, freq, rssi, snr, dr, data as hex), "gw" (the same with
 * every gateway's reception in {@code gws}), "tx" (a downlink request, or LORIOT's answer to one
 * with {@code success} or {@code error}), "txd" (a downlink was sent to the device).
 */
final class LoriotReader {

    private static final byte[] NONE = new byte[0];
    private static final Pattern SPREADING_FACTOR = Pattern.compile("SF(\\d{1,2})");

    private LoriotReader() {
    }

    static Result read(ObjectNode doc, ObjectNode lw) {
        JsonNode cmdNode = doc.get("cmd");
        if (cmdNode == null || !cmdNode.isTextual()) {
            return Result.failure(cmdNode == null ? "payload is not a LORIOT message: it has no cmd field"
                    : "cmd is not text; a LORIOT message has e.g. \"cmd\":\"rx\"");
        }
        String cmd = cmdNode.textValue();
        String eui = LorawanKeys.normaliseEui(text(doc, "EUI"));
        if (eui != null) {
            lw.put("dev_eui", eui);
        }
        String at = MessageReader.epochMillis(doc.get("ts"));
        if (at != null) {
            lw.put("received_at", at);
        }
        Event event;
        String error = "";
        switch (cmd) {
            case "rx", "gw" -> event = Event.UPLINK;
            case "tx" -> {
                boolean answer = doc.has("success") || doc.has("error");
                event = answer ? Event.DOWNLINK_RESPONSE : Event.DOWNLINK_REQUEST;
                if (doc.has("error")) {
                    JsonNode e = doc.get("error");
                    error = "LORIOT refused the downlink: " + (e.isTextual() ? e.textValue() : e.toString());
                    lw.put("error", error);
                }
            }
            case "txd" -> event = Event.DOWNLINK_SENT;
            default -> {
                event = Event.OTHER;
                lw.put("command", cmd);
            }
        }
        byte[] payload = NONE;
        if (event == Event.UPLINK || event == Event.DOWNLINK_REQUEST) {
            number(doc, "port", lw, "f_port");
            number(doc, "fcnt", lw, "f_cnt");
            Result p = data(doc, lw);
            if (p.error() != null) {
                return p;
            }
            payload = p.payload();
        }
        if (event == Event.UPLINK) {
            number(doc, "freq", lw, "frequency");
            if ("gw".equals(cmd) && doc.get("gws") != null && doc.get("gws").isArray() && !doc.get("gws").isEmpty()) {
                MessageReader.strongest(doc.get("gws"), "rssi", "/gweui", lw);
            } else {
                number(doc, "rssi", lw, "rssi");
                number(doc, "snr", lw, "snr");
            }
            Matcher sf = SPREADING_FACTOR.matcher(text(doc, "dr").toUpperCase(Locale.ROOT));
            if (sf.find()) {
                lw.put("spreading_factor", Integer.parseInt(sf.group(1)));
            }
        }
        return Result.of(new Envelope(NetworkServer.LORIOT, event, "", eui == null ? "" : eui, List.of(), error),
                payload);
    }

    private static Result data(ObjectNode doc, ObjectNode lw) {
        JsonNode n = doc.get("data");
        if (n == null || n.isNull()) {
            if (doc.has("encdata")) {
                // LORIOT forwards the frame still encrypted when it does not hold the application key
                lw.put("payload_encrypted", true);
            } else {
                lw.put("payload", "");
            }
            return Result.of(null, NONE);
        }
        if (!n.isTextual()) {
            return Result.failure("data is " + n.getNodeType().name().toLowerCase(Locale.ROOT) + ", not hex text");
        }
        String hex = n.textValue().strip();
        try {
            byte[] bytes = HexFormat.of().parseHex(hex);
            lw.put("payload", HexFormat.of().formatHex(bytes));
            return Result.of(null, bytes);
        } catch (IllegalArgumentException e) {
            return Result.failure("data '" + (hex.length() <= 40 ? hex : hex.substring(0, 40) + "...")
                    + "' is not hex text (pairs of 0-9 a-f): " + e.getMessage());
        }
    }
}

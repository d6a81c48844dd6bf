package org.scadamqtt.mqtt.profiles.lorawan;

import static org.scadamqtt.mqtt.profiles.lorawan.MessageReader.number;
import static org.scadamqtt.mqtt.profiles.lorawan.MessageReader.object;
import static org.scadamqtt.mqtt.profiles.lorawan.MessageReader.text;
import static org.scadamqtt.mqtt.profiles.lorawan.MessageReader.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.scadamqtt.mqtt.profiles.lorawan.Envelope.Event;
import org.scadamqtt.mqtt.profiles.lorawan.MessageReader.Result;

/**
 * Reads The Things Stack v3 messages (docs: "Data Formats"): {@code end_device_ids}, the
 * server's {@code received_at}, and one event object: {@code uplink_message}, {@code join_accept},
 * {@code downlink_queued|sent|ack|nack|failed}, {@code downlink_queue_invalidated},
 * {@code location_solved}, {@code service_data}; also a downlink request {@code {"downlinks":[…]}}
 * seen on a subscribed push topic. Topics are {@code v3/<app>@<tenant>/devices/<device>/<event>}.
 */
final class TtsReader {

    private static final byte[] NONE = new byte[0];
    private static final String[][] EVENTS = {
        {"uplink_message", "UPLINK"}, {"join_accept", "JOIN_ACCEPT"}, {"downlink_queued", "DOWNLINK_QUEUED"},
        {"downlink_sent", "DOWNLINK_SENT"}, {"downlink_ack", "DOWNLINK_ACK"}, {"downlink_nack", "DOWNLINK_NACK"},
        {"downlink_failed", "DOWNLINK_FAILED"}, {"downlink_queue_invalidated", "DOWNLINK_QUEUE_INVALIDATED"},
        {"location_solved", "LOCATION_SOLVED"}, {"service_data", "SERVICE_DATA"}};

    private TtsReader() {
    }

    static Result read(ObjectNode doc, String topic, ObjectNode lw) {
        String topicDevice = deviceInTopic(topic);
        JsonNode idsNode = doc.get("end_device_ids");
        if (idsNode == null && doc.get("downlinks") != null) {
            return request(doc, topicDevice, lw);
        }
        if (!(idsNode instanceof ObjectNode ids)) {
            return Result.failure(idsNode == null
                    ? "payload is not a The Things Stack v3 message: it has no end_device_ids object"
                    : "end_device_ids is not an object");
        }
        String device = text(ids, "device_id");
        if (device.isEmpty()) {
            device = topicDevice;
        }
        String eui = MessageReader.text(ids, "dev_eui");
        String devEui = LorawanKeys.normaliseEui(eui);
        put(lw, "device_id", device);
        put(lw, "dev_eui", devEui);
        put(lw, "application", text(object(ids, "application_ids"), "application_id"));
        put(lw, "received_at", MessageReader.rfc3339(text(doc, "received_at")));
        Event event = Event.OTHER;
        String field = null;
        for (String[] e : EVENTS) {
            if (doc.has(e[0])) {
                event = Event.valueOf(e[1]);
                field = e[0];
                break;
            }
        }
        List<String> correlation = new ArrayList<>(texts(doc, "correlation_ids"));
        String error = "";
        byte[] payload = NONE;
        if (event == Event.UPLINK) {
            ObjectNode up = object(doc, field);
            if (up == null) {
                return Result.failure("uplink_message is not an object");
            }
            Result bad = uplink(up, lw);
            if (bad.error() != null) {
                return bad;
            }
            payload = bad.payload();
        } else if (field != null && field.startsWith("downlink_")) {
            JsonNode body = doc.get(field);
            List<JsonNode> downlinks = new ArrayList<>();
            if (event == Event.DOWNLINK_FAILED) {
                downlinks.add(body.get("downlink"));
                error = failure(body.get("error"));
            } else if (event == Event.DOWNLINK_QUEUE_INVALIDATED) {
                JsonNode list = body.get("downlinks");
                if (list != null && list.isArray()) {
                    list.forEach(downlinks::add);
                }
                error = "The Things Stack dropped the downlink queue (the device joined again or its frame "
                        + "counter moved past the queued downlinks)";
            } else {
                downlinks.add(body);
                if (event == Event.DOWNLINK_NACK) {
                    error = "the device did not acknowledge the confirmed downlink (nack)";
                }
            }
            for (JsonNode d : downlinks) {
                correlation.addAll(texts(d, "correlation_ids"));
            }
            JsonNode first = downlinks.isEmpty() ? null : downlinks.get(0);
            number(first, "f_port", lw, "f_port");
            number(first, "f_cnt", lw, "f_cnt");
            Result p = frmPayload(first, field + (event == Event.DOWNLINK_FAILED ? ".downlink" : "") + ".frm_payload",
                    lw);
            if (p.error() != null) {
                return p;
            }
            payload = p.payload();
            put(lw, "error", error.isEmpty() ? null : error);
        }
        return Result.of(new Envelope(NetworkServer.TTS, event, device, devEui == null ? "" : devEui, correlation,
                error), payload);
    }

    private static Result uplink(ObjectNode up, ObjectNode lw) {
        String at = MessageReader.rfc3339(text(up, "received_at"));
        if (at != null) {
            lw.put("received_at", at); // the network server's receive time: closest to the radio reception
        }
        number(up, "f_port", lw, "f_port");
        number(up, "f_cnt", lw, "f_cnt");
        Result p = frmPayload(up, "uplink_message.frm_payload", lw);
        if (p.error() != null) {
            return p;
        }
        JsonNode decoded = up.get("decoded_payload");
        if (decoded != null && decoded.isObject()) {
            lw.set("decoded", decoded);
        }
        MessageReader.strongest(up.get("rx_metadata"), "rssi", "/gateway_ids/gateway_id", lw);
        ObjectNode settings = object(up, "settings");
        number(settings, "frequency", lw, "frequency");
        JsonNode sf = settings == null ? null : settings.at("/data_rate/lora/spreading_factor");
        if (sf != null && sf.isNumber()) {
            lw.set("spreading_factor", sf);
        }
        return p;
    }

    private static Result frmPayload(JsonNode parent, String path, ObjectNode lw) {
        JsonNode n = parent == null ? null : parent.get("frm_payload");
        if (n == null || n.isNull()) {
            lw.put("payload", ""); // The Things Stack leaves empty fields out: no application payload
            return Result.of(null, NONE);
        }
        if (!n.isTextual()) {
            return Result.failure(path + " is " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not base64 text");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(n.textValue().strip());
            lw.put("payload", HexFormat.of().formatHex(bytes));
            return Result.of(null, bytes);
        } catch (IllegalArgumentException e) {
            return Result.failure(path + " '" + shorten(n.textValue()) + "' is not base64 text: " + e.getMessage());
        }
    }

    private static Result request(ObjectNode doc, String topicDevice, ObjectNode lw) {
        put(lw, "device_id", topicDevice);
        List<String> correlation = new ArrayList<>();
        JsonNode list = doc.get("downlinks");
        if (list.isArray()) {
            list.forEach(d -> correlation.addAll(texts(d, "correlation_ids")));
        }
        return Result.of(new Envelope(NetworkServer.TTS, Event.DOWNLINK_REQUEST, topicDevice, "", correlation, ""),
                NONE);
    }

    private static String failure(JsonNode error) {
        if (error == null || !error.isObject()) {
            return "The Things Stack could not send the downlink";
        }
        String name = text(error, "name");
        String format = text(error, "message_format");
        String what = format.isEmpty() ? name : name.isEmpty() ? format : format + " (" + name + ")";
        return "The Things Stack could not send the downlink: " + (what.isEmpty() ? "no reason given" : what);
    }

    /** {@code v3/<app>/devices/<device>/...} → device; "" for other topics. */
    static String deviceInTopic(String topic) {
        if (topic == null) {
            return "";
        }
        String[] l = topic.split("/", -1);
        return l.length >= 5 && l[0].equals("v3") && l[2].equals("devices") ? l[3] : "";
    }

    private static void put(ObjectNode lw, String name, String value) {
        if (value != null && !value.isEmpty()) {
            lw.put(name, value);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}

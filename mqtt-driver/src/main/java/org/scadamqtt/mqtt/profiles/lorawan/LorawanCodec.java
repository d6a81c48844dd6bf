package org.scadamqtt.mqtt.profiles.lorawan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profiles.json.JsonCodec;

/**
 * Decodes one network-server message: the JSON envelope becomes the document, with the
 * normalised fields under {@code lorawan} (the same names for every server) and the device's
 * application payload (base64 {@code frm_payload}, hex {@code data}) as the bytes {@code BIN=}
 * reads. Never throws; a message it cannot read is a failure naming the field.
 */
final class LorawanCodec {

    /** The object the profile adds to every document. */
    static final String FIELD = "lorawan";

    private LorawanCodec() {
    }

    static Decoded decode(byte[] payload, String topic, NetworkServer server) {
        Decoded json = JsonCodec.INSTANCE.decode(payload);
        if (json.failed()) {
            return json;
        }
        JsonNode root = json.document();
        if (!(root instanceof ObjectNode doc)) {
            return Decoded.failure("payload is a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + "; a LoRaWAN network server sends a JSON object");
        }
        NetworkServer format = server == NetworkServer.AUTO ? detect(doc) : server;
        if (format == NetworkServer.AUTO) {
            return Decoded.failure("payload is neither a The Things Stack v3 message (it has no end_device_ids) nor "
                    + "a LORIOT message (it has no cmd)");
        }
        ObjectNode lw = doc.objectNode();
        lw.put("server", format.name());
        MessageReader.Result r = format == NetworkServer.TTS ? TtsReader.read(doc, topic, lw)
                : LoriotReader.read(doc, lw);
        if (r.error() != null) {
            return Decoded.failure(r.error());
        }
        Envelope e = r.envelope();
        lw.put("event", e.event().text());
        doc.set(FIELD, lw);
        return Decoded.of(doc).withBinary(r.payload()).withBody(e);
    }

    private static NetworkServer detect(ObjectNode doc) {
        if (doc.has("end_device_ids") || doc.has("downlinks")) {
            return NetworkServer.TTS;
        }
        if (doc.has("cmd")) {
            return NetworkServer.LORIOT;
        }
        return NetworkServer.AUTO;
    }
}

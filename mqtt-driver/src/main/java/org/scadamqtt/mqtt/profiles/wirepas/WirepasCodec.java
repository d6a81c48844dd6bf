package org.scadamqtt.mqtt.profiles.wirepas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.DecoderDefect;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GenericMessage;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.WirepasMessage;

/**
 * Decodes one Wirepas payload ({@code GenericMessage}, proto2) into a {@link Decoded}: the
 * document {@code JA=} paths read, the application payload of a received packet for {@code BIN=}
 * fields, and the message itself as the body. Never throws.
 *
 * <p>Parsing is partial on purpose: a gateway newer than our declarations may send an enum value
 * we do not know in a required field (proto2 then files it with the unknown fields and a strict
 * parse would refuse the whole message). Missing required fields are listed in the document's
 * {@code missing_required} array instead of failing the message.
 */
final class WirepasCodec {

    private static final byte[] NONE = new byte[0];

    private WirepasCodec() {
    }

    /** Decodes a payload; a failure names the byte offset where the message goes wrong. */
    static Decoded decode(byte[] payload) {
        GenericMessage g;
        try {
            g = GenericMessage.parser().parsePartialFrom(payload);
        } catch (RuntimeException e) {
            // protobuf reports a bad message with InvalidProtocolBufferException; anything else is a bug
            return DecoderDefect.failure("Wirepas message of " + payload.length + " bytes", e);
        } catch (InvalidProtocolBufferException | StackOverflowError e) {
            String where = WireScanner.firstProblem(payload, GenericMessage.getDescriptor());
            String detail = where != null ? where : shorten(e.getMessage());
            return Decoded.failure("payload of " + payload.length + " bytes is not a Wirepas message (protobuf "
                    + "GenericMessage): " + detail);
        }
        ObjectNode doc = WirepasJson.of(g);
        List<String> missing = g.findInitializationErrors();
        if (!missing.isEmpty()) {
            ArrayNode a = null;
            for (String path : missing) {
                if (!present(doc, path)) {
                    if (a == null) {
                        a = doc.putArray("missing_required");
                    }
                    a.add(path);
                }
            }
        }
        WirepasMessage w = g.getWirepas();
        byte[] data = w.hasPacketReceivedEvent() ? w.getPacketReceivedEvent().getPayload().toByteArray() : NONE;
        return Decoded.of(doc).withBinary(data).withBody(g);
    }

    /** Whether a field protobuf calls missing is in the document after all (an enum number we do not know). */
    private static boolean present(ObjectNode doc, String path) {
        JsonNode n = doc;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            n = n.path(name);
            if (bracket >= 0) {
                try {
                    n = n.path(Integer.parseInt(part.substring(bracket + 1, part.indexOf(']', bracket))));
                } catch (RuntimeException e) {
                    return false;
                }
            }
        }
        return !n.isMissingNode();
    }

    private static String shorten(String text) {
        if (text == null || text.isBlank()) {
            return "no detail from the parser";
        }
        String one = text.replaceAll("\\s*\\R\\s*", " ").trim();
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }
}

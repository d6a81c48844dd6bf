package org.scadamqtt.mqtt.profiles.wirepas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GenericMessage;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.StatusEvent;

class WirepasCodecTest {

    static List<WirepasVectors.Vector> vectors() {
        return WirepasVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void publicVectorsDecodeToTheListedFields(WirepasVectors.Vector v) {
        Decoded d = WirepasCodec.decode(v.bytes());
        assertFalse(d.failed(), () -> d.error());
        for (Map.Entry<String, String> e : v.fields().entrySet()) {
            JsonNode n = WirepasVectors.at(d.document(), e.getKey());
            assertFalse(n.isMissingNode(), v.name() + ": no field " + e.getKey() + " in " + d.document());
            assertEquals(e.getValue(), n.asText(), v.name() + ": " + e.getKey());
        }
        assertFalse(d.document().has("missing_required"), d.document().toString());
        assertFalse(d.document().toString().contains("unknown_fields"), d.document().toString());
    }

    @Test
    void numbersAreJsonNumbersSoUnixmsAndNumericTagsReadThem() {
        JsonNode doc = WirepasCodec.decode(WirepasVectors.named("PacketReceivedEvent").bytes()).document();
        JsonNode rx = WirepasVectors.at(doc, "wirepas.packet_received_event.rx_time_ms_epoch");
        assertTrue(rx.isIntegralNumber());
        assertEquals(1_700_000_000_000L, rx.longValue());
        assertEquals(4294967295L, WirepasVectors.at(doc, "wirepas.packet_received_event.destination_address").longValue());
    }

    @Test
    void binaryFieldsReadTheApplicationPayloadOfAReceivedPacket() {
        Decoded d = WirepasCodec.decode(WirepasVectors.named("PacketReceivedEvent").bytes());
        assertArrayEquals(new byte[] {0x0a, 0x0b}, d.binary());
        assertEquals(0, WirepasCodec.decode(WirepasVectors.named("StatusEvent ON").bytes()).binary().length,
                "other messages have no application payload: BIN= must not read protobuf bytes");
    }

    @Test
    void anEnumValueNewerThanOursInARequiredFieldIsReadAsItsNumber() {
        // StatusEvent ON with state 3 instead of 1: the last byte of the vector is the state
        byte[] b = WirepasVectors.named("StatusEvent ON").bytes().clone();
        b[b.length - 1] = 3;
        Decoded d = WirepasCodec.decode(b);
        assertFalse(d.failed(), () -> d.error());
        assertEquals(3, WirepasVectors.at(d.document(), "wirepas.status_event.state").intValue());
        assertEquals("gw1", WirepasVectors.at(d.document(), "wirepas.status_event.header.gw_id").asText());
        assertFalse(d.document().has("missing_required"), d.document().toString());
    }

    @Test
    void unknownFieldsAreKeptByNumber() {
        StatusEvent withExtra = StatusEvent.newBuilder()
                .mergeFrom(GenericMessage.newBuilder().setWirepas(org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.WirepasMessage
                        .newBuilder().setStatusEvent(StatusEvent.newBuilder().setVersion(1)
                                .setState(org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.OnOffState.ON)
                                .setHeader(org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.EventHeader.newBuilder()
                                        .setGwId("gw1").setEventId(5)))).build().getWirepas().getStatusEvent())
                .build();
        byte[] status = withExtra.toByteArray();
        byte[] extra = HexFormat.of().parseHex("c8012a" + "d2010368656c"); // field 25 varint 42, field 26 "hel"
        byte[] inner = concat(status, extra);
        byte[] msg = concat(new byte[] {0x0a, (byte) (inner.length + 2), 0x0a, (byte) inner.length}, inner);
        Decoded d = WirepasCodec.decode(msg);
        assertFalse(d.failed(), () -> d.error());
        JsonNode unknown = WirepasVectors.at(d.document(), "wirepas.status_event.unknown_fields");
        assertEquals(42, unknown.path("25").path(0).intValue(), d.document().toString());
        assertEquals("68656c", unknown.path("26").path(0).asText());
    }

    @Test
    void aMissingRequiredFieldIsListedNotFatal() {
        // StatusEvent with only its state: header and version are required
        byte[] msg = HexFormat.of().parseHex("0a040a021801");
        Decoded d = WirepasCodec.decode(msg);
        assertFalse(d.failed(), () -> d.error());
        assertEquals("ON", WirepasVectors.at(d.document(), "wirepas.status_event.state").asText());
        String missing = d.document().path("missing_required").toString();
        assertTrue(missing.contains("wirepas.status_event.header") && missing.contains("wirepas.status_event.version"),
                missing);
    }

    @Test
    void aTruncatedMessageFailsNamingTheByteOffsetAndField() {
        byte[] full = WirepasVectors.named("PacketReceivedEvent").bytes();
        Decoded d = WirepasCodec.decode(Arrays.copyOf(full, full.length - 10));
        assertTrue(d.failed());
        assertEquals("payload of 42 bytes is not a Wirepas message (protobuf GenericMessage): at byte 1 of 42, field "
                + "wirepas says it has 50 bytes but only 40 remain", d.error());
    }

    @Test
    void aFieldCutOffInsideANestedMessageIsNamedWithItsPath() {
        // GenericMessage{wirepas{packet_received_event{payload: 9 bytes announced, 2 present}}}
        byte[] msg = HexFormat.of().parseHex("0a06420 44a090a0b".replace(" ", ""));
        Decoded d = WirepasCodec.decode(msg);
        assertTrue(d.failed());
        assertTrue(d.error().contains("at byte 5 of 8, field wirepas.packet_received_event.payload says it has 9 bytes "
                + "but only 2 remain"), d.error());
    }

    @Test
    void anInvalidWireTypeIsNamed() {
        Decoded d = WirepasCodec.decode(HexFormat.of().parseHex("0f01"));
        assertTrue(d.failed());
        assertTrue(d.error().contains("at byte 0 of 2, field wirepas has wire type 7"), d.error());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package org.scadamqtt.mqtt.profiles.gizwits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scadamqtt.mqtt.profile.BinaryField;
import org.scadamqtt.mqtt.profile.Decoded;

class GizwitsCodecTest {

    static List<GizwitsVectors.Frame> frames() {
        return GizwitsVectors.frames();
    }

    static List<String[]> varLens() {
        return GizwitsVectors.varLens();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void framesDecodeToTheListedFieldsOrFailNamingTheOffset(GizwitsVectors.Frame f) {
        Decoded d = GizwitsCodec.decode(f.bytes());
        if (f.bad()) {
            assertTrue(d.failed(), f.name() + " decoded: " + d.document());
            for (String w : f.errorWords()) {
                assertTrue(d.error().contains(w), f.name() + ": '" + w + "' not in: " + d.error());
            }
            assertTrue(d.error().matches(".*\\bbytes?\\b.*\\d.*"), "names a byte offset: " + d.error());
            return;
        }
        assertFalse(d.failed(), () -> f.name() + ": " + d.error());
        for (Map.Entry<String, String> e : f.fields().entrySet()) {
            JsonNode n = d.document().path(e.getKey());
            assertFalse(n.isMissingNode(), f.name() + ": no field " + e.getKey() + " in " + d.document());
            assertEquals(e.getValue(), n.asText(), f.name() + ": " + e.getKey());
        }
        assertEquals(d.document().path("p0").asText(), HexFormat.of().formatHex(d.binary()), "BIN= reads P0");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("varLens")
    void varLenIsMqttsRemainingLength(String value, String hex) {
        int v = Integer.parseInt(value);
        assertEquals(hex, HexFormat.of().formatHex(VarLen.encode(v)));
        byte[] b = HexFormat.of().parseHex(hex);
        VarLen.Read r = VarLen.read(b, 0);
        assertTrue(r.ok(), r.error());
        assertEquals(v, r.value());
        assertEquals(b.length, r.size());
    }

    @Test
    void encodedFramesDecodeBackWithTheirSnAndP0() {
        byte[] p0 = new byte[300];
        p0[0] = 0x04;
        byte[] frame = GizwitsCodec.frame(GizwitsCommands.BUSINESS_ACK_REQUEST, 0xfffffffeL, p0);
        assertEquals("00000003b302", HexFormat.of().formatHex(frame, 0, 6), "VarLen 307 takes two bytes");
        Decoded d = GizwitsCodec.decode(frame);
        assertFalse(d.failed(), d::error);
        assertEquals(4294967294L, d.document().get("sn").longValue());
        assertArrayEquals(p0, d.binary());
        assertEquals("00000003020f", HexFormat.of().formatHex(GizwitsCodec.shortFrame(0x020F, new byte[0])));
        assertEquals(GizwitsVectors.named("device_ack_sn4").bytes().length,
                GizwitsCodec.frame(GizwitsCommands.ACK, 4, new byte[0]).length);
        assertArrayEquals(GizwitsVectors.named("device_ack_sn4").bytes(),
                GizwitsCodec.frame(GizwitsCommands.ACK, 4, new byte[0]));
    }

    @Test
    void binaryFieldsReadADataPointBitAndAU16OfP0() {
        // P0 04 00 00 04 01 2c: byte 3 bit 2 is set, the u16 at byte 4 is 300
        byte[] frame = GizwitsCodec.frame(GizwitsCommands.REPORT, -1, HexFormat.of().parseHex("04000004012c"));
        Decoded d = GizwitsCodec.decode(frame);
        assertTrue(BinaryField.parse("bit@3.2").read(d.binary()).asBoolean());
        assertEquals(300, BinaryField.parse("u16be@4").read(d.binary()).asInt());
    }
}

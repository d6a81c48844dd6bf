package org.scadamqtt.mqtt.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.Acknowledgement;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.station.StationSettings;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagValue;

/** TL= and BIN= exactly as the examples of docs/routing-and-addresses.md section 5 say. */
class GenericAddressTest {

    private static Map<String, TagValue> bind(String payloadType, String topic, byte[] payload, TagConfig... tags) {
        StationConfig st = TestConfigs.station("S", "#", TestConfigs.params(), tags);
        LineConfig line = TestConfigs.line("L", List.of("h"), TestConfigs.params("payloadType", payloadType), st);
        TagBinder b = TagBinder.create(st, StationSettings.of(line, st).bind(),
                ValueConverters.forZone(java.time.ZoneOffset.UTC), LogThrottle.tenSeconds(Clock.systemUTC()));
        InboundMessage m = new InboundMessage(topic, payload, 0, 0, false, false, Instant.now(), Acknowledgement.NONE);
        Map<String, TagValue> out = new java.util.LinkedHashMap<>();
        for (TagUpdate u : b.bind(m).updates()) {
            out.put(u.tag(), u.value());
        }
        return out;
    }

    @Test
    void topicLevelsAsDocumented() {
        Map<String, TagValue> v = bind("TEXT", "gw-event/received_data/gw1/sink0/12345/10/11", new byte[0],
                TestConfigs.tag("a", "TxtI", "TL=1"), TestConfigs.tag("b", "TxtI", "TL=3"),
                TestConfigs.tag("c", "Ci", "TL=5"), TestConfigs.tag("d", "Ci", "TL=-1"),
                TestConfigs.tag("e", "TxtI", "TL=8"));
        assertEquals("gw-event", v.get("a").value());
        assertEquals("gw1", v.get("b").value());
        assertEquals(12345L, v.get("c").value());
        assertEquals(11L, v.get("d").value());
        assertEquals(Reason.MISSING_IN_PAYLOAD, v.get("e").reason());
        assertTrue(v.get("e").detail().contains("has 7 level(s)"), v.get("e").detail());
    }

    @Test
    void binaryFieldsAsDocumented() {
        byte[] payload = HexFormat.of().parseHex("010aff9c41c800004869");
        Map<String, TagValue> v = bind("TEXT", "t", payload,
                TestConfigs.tag("u8", "Ci", "BIN=u8@0"), TestConfigs.tag("bit", "Di", "BIN=bit@1.3"),
                TestConfigs.tag("u16", "Ci", "BIN=u16be@2"), TestConfigs.tag("i16", "Ci", "BIN=i16be@2"),
                TestConfigs.tag("f32", "Ai", "BIN=f32be@4"), TestConfigs.tag("hex", "TxtI", "BIN=hex@0:2"),
                TestConfigs.tag("ascii", "TxtI", "BIN=ascii@8"), TestConfigs.tag("short", "Ci", "BIN=u32be@8"));
        assertEquals(1L, v.get("u8").value());
        assertEquals(Boolean.TRUE, v.get("bit").value());
        assertEquals(65436L, v.get("u16").value());
        assertEquals(-100L, v.get("i16").value());
        assertEquals(25.0, v.get("f32").value());
        assertEquals("010a", v.get("hex").value());
        assertEquals("Hi", v.get("ascii").value());
        assertEquals(Reason.MISSING_IN_PAYLOAD, v.get("short").reason());
        assertTrue(v.get("short").detail().contains("the data has 10 bytes; field u32be@8 needs bytes 8 to 11"),
                v.get("short").detail());
    }

    @Test
    void binaryFieldsOfBase64AndHexTextFields() {
        byte[] tts = "{\"uplink_message\":{\"frm_payload\":\"AQL/nA==\"},\"data\":\"0a0bff9c\"}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, TagValue> v = bind("JSON", "t", tts,
                TestConfigs.tag("b64", "Ci", "BIN(base64:uplink_message.frm_payload)=u16be@0"),
                TestConfigs.tag("hex", "Ci", "BIN(hex:data)=i16le@2"),
                TestConfigs.tag("none", "Ci", "BIN(hex:nothing)=u8@0"));
        assertEquals(258L, v.get("b64").value());
        assertEquals(-25345L, v.get("hex").value());
        assertEquals(Reason.MISSING_IN_PAYLOAD, v.get("none").reason());
    }
}

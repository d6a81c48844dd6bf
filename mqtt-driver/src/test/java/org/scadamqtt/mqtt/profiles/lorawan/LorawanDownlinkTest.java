package org.scadamqtt.mqtt.profiles.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;

/** LW=downlink addresses: what they compile to, the message each server gets, and every refusal's sentence. */
class LorawanDownlinkTest {

    static final StationConfig PUMP = TestConfigs.station("PUMP7", "lorawan/pump-7", params("lorawanDevice", "pump-7"));
    static final StationConfig METER = TestConfigs.station("METER", "lorawan/meter",
            params("lorawanDevice", "be7a000000001465"));
    static final LorawanSettings TTS = new LorawanSettings(NetworkServer.TTS, "plant-sensors@ttn",
            LorawanProfile.TTS_DOWNLINK_TOPIC);
    static final LorawanSettings LORIOT = new LorawanSettings(NetworkServer.LORIOT, "", "loriot/app/down/{eui}");

    static LorawanDownlink compile(String type, String address, StationConfig station) {
        return LorawanDownlink.compile(TestConfigs.tag("t", type, address), station);
    }

    static Outgoing write(LorawanDownlink d, StationConfig station, String type, Object value, LorawanSettings s) {
        return d.encode(new WriteRequest(station, TestConfigs.tag("t", type, "LW=downlink"), value), s,
                "00112233aabbccdd");
    }

    static JsonNode json(Outgoing o) throws Exception {
        return new ObjectMapper().readTree(o.payload());
    }

    @Test
    void theThingsStackGetsADownlinkPushWithBase64AndOurCorrelationId() throws Exception {
        LorawanDownlink d = compile("Co", "LW=downlink;port=2;field=u16be@0;confirmed=YES;priority=high", PUMP);
        Outgoing out = write(d, PUMP, "Co", 500L, TTS);
        assertEquals("v3/plant-sensors@ttn/devices/pump-7/down/push", out.topic());
        JsonNode dl = json(out).get("downlinks").get(0);
        assertEquals(2, dl.get("f_port").intValue());
        assertEquals("AfQ=", dl.get("frm_payload").asText());
        assertEquals("HIGH", dl.get("priority").asText());
        assertTrue(dl.get("confirmed").booleanValue());
        assertEquals("scada-mqtt:queued:00112233aabbccdd", dl.get("correlation_ids").get(0).asText());
        assertEquals("scada-mqtt:queued:00112233aabbccdd", out.correlation(), "by default it waits for downlink_queued");
    }

    @Test
    void completeOptionChoosesTheEventAndPublishNeedsNone() throws Exception {
        Outgoing sent = write(compile("TxtO", "LW=downlink;port=1;complete=sent", PUMP), PUMP, "TxtO", "0a 0b", TTS);
        assertEquals("scada-mqtt:sent:00112233aabbccdd", sent.correlation());
        assertEquals("Cgs=", json(sent).get("downlinks").get(0).get("frm_payload").asText());
        assertTrue(!json(sent).get("downlinks").get(0).get("confirmed").booleanValue());
        assertEquals("NORMAL", json(sent).get("downlinks").get(0).get("priority").asText());
        Outgoing now = write(compile("TxtO", "LW=downlink;port=1;complete=publish", PUMP), PUMP, "TxtO", "01", TTS);
        assertNull(now.correlation());
        Outgoing other = write(compile("TxtO", "LW=downlink;port=1;device=valve-3", PUMP), PUMP, "TxtO", "01", TTS);
        assertEquals("v3/plant-sensors@ttn/devices/valve-3/down/push", other.topic());
    }

    @Test
    void loriotGetsATxCommandWithHexOnItsTopic() throws Exception {
        LorawanDownlink d = compile("Ao", "LW=downlink;port=3;field=f32be@0", METER);
        Outgoing out = write(d, METER, "Ao", 1.5, LORIOT);
        assertEquals("loriot/app/down/BE7A000000001465", out.topic());
        JsonNode m = json(out);
        assertEquals("tx", m.get("cmd").asText());
        assertEquals("BE7A000000001465", m.get("EUI").asText());
        assertEquals(3, m.get("port").intValue());
        assertEquals("3fc00000", m.get("data").asText());
        assertTrue(!m.get("confirmed").booleanValue());
        assertNull(out.correlation(), "LORIOT downlinks complete when the broker takes them");
    }

    @Test
    void badAddressesSayWhatToWrite() {
        assertTrue(assertThrows(AddressException.class, () -> compile("Co", "LW=downlink;port=2", PUMP)).getMessage()
                .contains("needs ;field=TYPE@0"));
        assertTrue(assertThrows(AddressException.class, () -> compile("TxtO", "LW=downlink", PUMP)).getMessage()
                .contains("needs ;port=N"));
        assertTrue(assertThrows(AddressException.class, () -> compile("TxtO", "LW=downlink;port=224", PUMP))
                .getMessage().contains("from 1 to 223"));
        assertTrue(assertThrows(AddressException.class, () -> compile("TxtI", "LW=downlink;port=1", PUMP))
                .getMessage().contains("must be an output type"));
        assertTrue(assertThrows(AddressException.class, () -> compile("TxtO", "LW=uplink", PUMP)).getMessage()
                .contains("not a LoRaWAN operation"));
        assertTrue(assertThrows(AddressException.class, () -> compile("TxtO", "LW=downlink;port=1;complete=ack", PUMP))
                .getMessage().contains("confirmed=YES"));
        assertTrue(assertThrows(AddressException.class, () -> compile("TxtO", "LW=downlink;port=1;prio=1", PUMP))
                .getMessage().contains("not an option of LW=downlink"));
        assertTrue(assertThrows(AddressException.class, () -> compile("TxtO", "LW=downlink;port=1;priority=urgent",
                PUMP)).getMessage().contains("HIGHEST"));
        StationConfig none = TestConfigs.station("X", "x", params());
        assertTrue(assertThrows(AddressException.class, () -> compile("TxtO", "LW=downlink;port=1", none)).getMessage()
                .contains("lorawanDevice"));
        assertTrue(assertThrows(AddressException.class, () -> compile("TxtO", "LW=downlink;port=1;device=a/b", none))
                .getMessage().contains("topic level"));
    }

    @Test
    void badValuesAndSettingsAreRefusedWithASentence() {
        LorawanDownlink hex = compile("TxtO", "LW=downlink;port=1", PUMP);
        WriteRefusedException notHex = assertThrows(WriteRefusedException.class,
                () -> write(hex, PUMP, "TxtO", "0x12", TTS));
        assertEquals(WriteFailure.WRONG_VALUE, notHex.failure());
        assertTrue(notHex.getMessage().contains("is not hex text"), notHex.getMessage());
        assertTrue(assertThrows(WriteRefusedException.class, () -> write(hex, PUMP, "TxtO", "", TTS)).getMessage()
                .contains("empty"));
        assertTrue(assertThrows(WriteRefusedException.class, () -> write(hex, PUMP, "TxtO", "00".repeat(243), TTS))
                .getMessage().contains("at most 242"));
        LorawanDownlink u16 = compile("Co", "LW=downlink;port=2;field=u16be@0", PUMP);
        assertTrue(assertThrows(WriteRefusedException.class, () -> write(u16, PUMP, "Co", 70000L, TTS)).getMessage()
                .contains("does not fit field u16be@0"));
        assertTrue(assertThrows(WriteRefusedException.class, () -> write(hex, PUMP, "TxtO", "01",
                new LorawanSettings(NetworkServer.AUTO, "", ""))).getMessage().contains("set it to TTS or LORIOT"));
        assertTrue(assertThrows(WriteRefusedException.class, () -> write(hex, PUMP, "TxtO", "01", LORIOT)).getMessage()
                .contains("is not 16 hex digits"));
        assertTrue(assertThrows(WriteRefusedException.class, () -> write(hex, PUMP, "TxtO", "01",
                new LorawanSettings(NetworkServer.TTS, "", LorawanProfile.TTS_DOWNLINK_TOPIC))).getMessage()
                .contains("lorawanApplication"));
        assertTrue(assertThrows(WriteRefusedException.class, () -> write(compile("TxtO",
                "LW=downlink;port=1;complete=sent", METER), METER, "TxtO", "01", LORIOT)).getMessage()
                .contains("complete=publish"));
    }
}

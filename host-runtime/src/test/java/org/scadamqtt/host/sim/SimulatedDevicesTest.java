package org.scadamqtt.host.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedDevicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2024-05-01T12:00:00.250Z");

    @Test
    void meterPublishesD2000StyleJsonWithTheDefaultTimeMask() throws Exception {
        MeterDevice m = new MeterDevice("meter1", 1);
        List<SimMessage> first = m.tick(T);
        assertEquals(1, first.size());
        assertEquals("demo/meters/meter1", first.get(0).topic());
        JsonNode n = JSON.readTree(first.get(0).payloadText());
        assertEquals("2024-05-01 12:00:00.250", n.get("time").asText());
        assertTrue(n.get("power").get("active").isNumber());
        assertEquals(3, n.get("voltage").size());
        assertTrue(n.get("energy").canConvertToLong());
        JsonNode second = JSON.readTree(m.tick(T.plusMillis(500)).get(0).payloadText());
        assertNotEquals(n.get("power").get("active"), second.get("power").get("active"), "values change");
        assertTrue(second.get("energy").asLong() > n.get("energy").asLong(), "the energy counter rises");
    }

    @Test
    void loraSensorUsesTheThingsStackV3Envelope() throws Exception {
        SimMessage m = new LoraSensorDevice("soil-01", "70B3D57ED0000001", 3).tick(T).get(0);
        assertEquals("v3/demo-app@ttn/devices/soil-01/up", m.topic());
        JsonNode n = JSON.readTree(m.payloadText());
        assertEquals("soil-01", n.at("/end_device_ids/device_id").asText());
        assertEquals("70B3D57ED0000001", n.at("/end_device_ids/dev_eui").asText());
        assertEquals(1, n.at("/uplink_message/f_cnt").asLong());
        assertEquals(6, Base64.getDecoder().decode(n.at("/uplink_message/frm_payload").asText()).length);
        assertTrue(n.at("/uplink_message/decoded_payload/temperature").isNumber());
        assertTrue(n.at("/uplink_message/rx_metadata/0/rssi").asInt() < 0);
    }

    @Test
    void valveAcknowledgesCommandsWithAnEcho() throws Exception {
        ValveDevice v = new ValveDevice();
        assertEquals(List.of(DemoTopics.VALVE_CMD), v.commandFilters());
        SimMessage ack = v.onCommand(DemoTopics.VALVE_CMD, " 40 ", T).orElseThrow();
        assertEquals(DemoTopics.VALVE_REPLY, ack.topic());
        JsonNode n = JSON.readTree(ack.payloadText());
        assertEquals("ack", n.get("kind").asText());
        assertEquals("40", n.get("command").asText());
        assertTrue(n.get("accepted").asBoolean());
        assertEquals(40.0, n.get("position").asDouble());
        JsonNode refused = JSON.readTree(v.onCommand(DemoTopics.VALVE_CMD, "fly", T).orElseThrow().payloadText());
        assertFalse(refused.get("accepted").asBoolean());
        assertEquals(40.0, refused.get("position").asDouble(), "a refused command changes nothing");
    }
}

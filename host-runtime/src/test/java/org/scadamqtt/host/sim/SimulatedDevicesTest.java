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

/** The simulated devices publish what sample-config/demo.xml expects (see its header comment). */
class SimulatedDevicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2024-05-01T12:00:00.250Z");

    @Test
    void meterPublishesD2000StyleJsonWithTheDefaultTimeMask() throws Exception {
        MeterDevice m = new MeterDevice("meter1", 1, T);
        List<SimMessage> first = m.tick(T);
        assertEquals(1, first.size());
        assertEquals("plant/line1/meter1", first.get(0).topic());
        assertEquals(1, first.get(0).qos());
        JsonNode n = JSON.readTree(first.get(0).payloadText());
        assertEquals("2024-05-01 12:00:00.250", n.get("time").asText());
        assertTrue(n.at("/rx/current").isNumber());
        assertTrue(n.at("/rx/voltage").isNumber());
        assertEquals(3, n.at("/rx/values").size());
        assertTrue(n.at("/rx/on").asBoolean());
        assertEquals(2, n.at("/rx/breaker").asInt(), "quad code 2 = On");
        assertTrue(n.at("/rx/uptime").asLong() >= 3600);
        assertEquals("OK", n.get("status").asText().replace("HIGH", "OK"));
        JsonNode second = JSON.readTree(m.tick(T.plusSeconds(1)).get(0).payloadText());
        assertNotEquals(n.at("/rx/current"), second.at("/rx/current"), "values change");
        assertTrue(second.at("/rx/energy").asLong() > n.at("/rx/energy").asLong(), "the energy counter rises");
    }

    @Test
    void meterObeysAndAcknowledgesRelayCommandsAddressedToIt() throws Exception {
        MeterDevice m = new MeterDevice("meter1", 1, T);
        assertTrue(m.onCommand("cmd/line1/meter2", "{\"relay\":\"off\"}", T).isEmpty(), "not addressed to it");
        SimMessage ack = m.onCommand("cmd/line1/meter1", "{\"relay\":\"off\"}", T).orElseThrow();
        assertEquals("plant/line1/meter1/ack", ack.topic());
        JsonNode a = JSON.readTree(ack.payloadText());
        assertTrue(a.get("accepted").asBoolean());
        assertEquals("{\"relay\":\"off\"}", a.get("command").asText(), "the command is echoed");
        JsonNode after = JSON.readTree(m.tick(T).get(0).payloadText());
        assertFalse(after.at("/rx/on").asBoolean());
        assertEquals(1, after.at("/rx/breaker").asInt(), "quad code 1 = Off");
        JsonNode refused = JSON.readTree(m.onCommand("cmd/line1/meter1", "explode", T).orElseThrow().payloadText());
        assertFalse(refused.get("accepted").asBoolean());
        assertTrue(refused.get("error").asText().contains("relay"));
    }

    @Test
    void gatewayStatusIsRetainedAndTheWillMatchesDemoXml() throws Exception {
        SimMessage s = new GatewayDevice(T).tick(T).get(0);
        assertEquals("plant/line1/gateway/status", s.topic());
        assertTrue(s.retained());
        JsonNode n = JSON.readTree(s.payloadText());
        assertTrue(n.get("online").asBoolean());
        assertEquals(86_400, n.get("uptime").asLong());
        assertEquals("{\"online\":false}", DemoTopics.GATEWAY_WILL);
    }

    @Test
    void line2SensorPublishesUnderARegexStationTopic() throws Exception {
        SimMessage s = new TemperatureSensor("oven1", 3).tick(T).get(0);
        assertEquals("plant/line2/oven1", s.topic());
        assertTrue(JSON.readTree(s.payloadText()).get("temperature").isNumber());
    }

    @Test
    void loraSensorUsesTheThingsStackV3Envelope() throws Exception {
        SimMessage m = new LoraSensorDevice("eui-70b3d57ed0000001", "70B3D57ED0000001", 3).tick(T).get(0);
        assertEquals("v3/demo-app@ttn/devices/eui-70b3d57ed0000001/up", m.topic());
        JsonNode n = JSON.readTree(m.payloadText());
        assertEquals("eui-70b3d57ed0000001", n.at("/end_device_ids/device_id").asText());
        assertEquals("demo-app", n.at("/end_device_ids/application_ids/application_id").asText());
        assertEquals(1, n.at("/uplink_message/f_cnt").asLong());
        assertEquals(6, Base64.getDecoder().decode(n.at("/uplink_message/frm_payload").asText()).length);
        assertTrue(n.at("/uplink_message/decoded_payload/temperature").isNumber());
        assertTrue(n.at("/uplink_message/decoded_payload/humidity").isNumber());
        assertTrue(n.at("/uplink_message/rx_metadata/0/rssi").asInt() < 0);
        assertEquals(T, Instant.parse(n.at("/uplink_message/received_at").asText()));
    }

    @Test
    void ackTopicsLandUnderPlant() {
        assertEquals("plant/line1/meter1/ack", DemoTopics.ackTopic("cmd/line1/meter1"));
        assertEquals("plant/x/ack", DemoTopics.ackTopic("cmd/x"));
    }
}

package org.scadamqtt.host.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated LORIOT meter and the network servers' downlink answers, as demo.xml's lines TTN and LORIOT expect. */
class LoraSimulationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2024-05-01T12:00:00.250Z");

    @Test
    void loriotMeterPublishesRxMessagesWithHexDataAndEpochMs() throws Exception {
        SimMessage m = new LoriotMeterDevice(1).tick(T).get(0);
        assertEquals("loriot/demo/up", m.topic());
        JsonNode n = JSON.readTree(m.payloadText());
        assertEquals("rx", n.get("cmd").asText());
        assertEquals("BE7A000000001465", n.get("EUI").asText());
        assertEquals(T.toEpochMilli(), n.get("ts").asLong());
        byte[] frame = HexFormat.of().parseHex(n.get("data").asText());
        assertEquals(4, frame.length);
        int flow = (frame[0] & 0xff) << 8 | frame[1] & 0xff;
        assertTrue(flow > 700 && flow < 1000, "flow " + flow);
        assertEquals(1, frame[2] & 1, "the valve is open");
    }

    @Test
    void aTtsPushIsAnsweredWithQueuedAndSentCarryingItsCorrelationIds() throws Exception {
        String push = "{\"downlinks\":[{\"f_port\":2,\"frm_payload\":\"AfQ=\",\"priority\":\"NORMAL\",\"confirmed\":false,"
                + "\"correlation_ids\":[\"scada-mqtt:queued:00112233aabbccdd\"]}]}";
        List<SimMessage> events = sim().tts("v3/demo-app@ttn/devices/eui-70b3d57ed0000001/down/push",
                push.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("v3/demo-app@ttn/devices/eui-70b3d57ed0000001/down/queued",
                "v3/demo-app@ttn/devices/eui-70b3d57ed0000001/down/sent"), events.stream().map(SimMessage::topic).toList());
        JsonNode queued = JSON.readTree(events.get(0).payloadText());
        assertEquals("eui-70b3d57ed0000001", queued.at("/end_device_ids/device_id").asText());
        assertEquals("scada-mqtt:queued:00112233aabbccdd", queued.at("/downlink_queued/correlation_ids/0").asText());
        assertTrue(sim().tts("v3/demo-app@ttn/devices/x/down/push", "nonsense".getBytes(StandardCharsets.UTF_8))
                .isEmpty());
    }

    @Test
    void aLoriotTxIsAnsweredWithSuccessAndTxd() throws Exception {
        List<SimMessage> out = sim().loriot("{\"cmd\":\"tx\",\"EUI\":\"BE7A000000001465\",\"port\":1,\"data\":\"01f4\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(2, out.size());
        assertEquals("Data enqueued", JSON.readTree(out.get(0).payloadText()).get("success").asText());
        assertEquals("txd", JSON.readTree(out.get(1).payloadText()).get("cmd").asText());
        assertTrue(sim().loriot("{\"cmd\":\"rx\"}".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    private static LoraNetworkServerSim sim() throws Exception {
        // not connected: tts() and loriot() only build the answers
        var ctor = LoraNetworkServerSim.class.getDeclaredConstructor(
                org.eclipse.paho.client.mqttv3.MqttAsyncClient.class, java.time.Clock.class);
        ctor.setAccessible(true);
        return ctor.newInstance(null, java.time.Clock.fixed(T, java.time.ZoneOffset.UTC));
    }
}

package org.scadamqtt.mqtt.profiles.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.RecordingContext;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.tag.Reason;

/**
 * The LoRaWAN profile through the whole driver and a real broker: uplinks of The Things Stack and
 * LORIOT fill their device's station with the uplink's own time, downlink writes reach the
 * server's topic as its JSON and complete with its events.
 */
class LorawanHiveMqIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private EmbeddedHiveMq broker;
    private TestNetworkServer server;
    private RecordingContext host;
    private MqttDriver driver;
    private String app;
    private String loriot;

    @BeforeEach
    void setUp() throws Exception {
        broker = EmbeddedHiveMq.get();
        String id = Long.toHexString(System.nanoTime());
        app = "it" + id + "@ttn";
        loriot = "loriot/it" + id;
        server = new TestNetworkServer(broker.tcpUri(), app, loriot + "/down/+");
        host = new RecordingContext(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        server.close();
    }

    private void start(LineConfig line, List<String> filters) {
        var values = new LinkedHashMap<>(line.parameters().values());
        values.put("topicFilter", List.<Object>copyOf(filters));
        driver = new MqttDriver(line.withParameters(new ParameterValues(line.parameters().descriptors(), values)), host,
                new PahoSessionFactory());
        driver.start();
    }

    private void startTts() throws Exception {
        LineConfig line = TestConfigs.line("TTS", List.of("127.0.0.1"), broker.tcpPort(), params(
                "clientId", "lw-it-" + app, "payloadType", "LoRaWAN", "lorawanServer", "TTS", "lorawanApplication", app,
                "timeFieldName", "lorawan.received_at", "timeMask", "ISO8601", "subscribeQos", "QoS_1",
                "replyTimeout", "2", "writeTimeout", "5", "reconnectMinDelay", "0.1", "reconnectMaxDelay", "0.5"),
                station("PUMP", "lorawan/pump-7", params("lorawanDevice", "pump-7"),
                        tag("pump_temp", "Ai", "JA=uplink_message.decoded_payload.temperature"),
                        tag("pump_rssi", "Ci", "JA=lorawan.rssi"),
                        tag("pump_gw", "TxtI", "JA=lorawan.gateway"),
                        tag("pump_raw", "Ci", "BIN=u16be@0"),
                        tag("pump_setpoint", "Co", "LW=downlink;port=2;field=u16be@0"),
                        tag("ghost_send", "TxtO", "LW=downlink;port=1;device=ghost"),
                        tag("silent_send", "TxtO", "LW=downlink;port=1;device=silent")),
                station("VALVE", "lorawan/valve", params("lorawanDevice", "00-04-A3-0B-00-1C-05-30"),
                        tag("valve_raw", "Ci", "BIN=u8@0")),
                station("REST", ".*", params(), tag("rest_topic", "TxtI", "IN_TOPIC")));
        start(line, List.of("v3/" + app + "/devices/+/up", "v3/" + app + "/devices/+/down/#",
                "v3/" + app + "/devices/+/join"));
        // the line is subscribed once a probe published after the connection reaches REST
        String probe = "v3/" + app + "/devices/probe/join";
        long end = System.nanoTime() + WAIT.toNanos();
        while (host.batches("REST").stream().noneMatch(b -> good(b, "rest_topic")) && System.nanoTime() < end) {
            server.publish(probe, "{\"end_device_ids\":{\"device_id\":\"probe\"},\"join_accept\":{}}");
            Thread.sleep(200);
        }
    }

    private static boolean good(RecordingContext.Batch b, String tag) {
        return b.tags().contains(tag) && b.get(tag).value().isGood();
    }

    @Test
    void aTtsUplinkFillsItsDevicesStationWithTheUplinksTimeToTheNanosecond() throws Exception {
        startTts();
        String at = "2024-05-01T10:15:30.123456789Z";
        server.ttsUplink("pump-7", "70B3D57ED0000001", at, 21.49, new byte[] {0x08, 0x65});
        RecordingContext.Batch b = host.awaitBatch("PUMP", x -> good(x, "pump_temp"), WAIT);
        assertEquals(21.49, (Double) b.get("pump_temp").value().value(), 1e-9);
        assertEquals(-71L, b.get("pump_rssi").value().value(), "the strongest gateway's rssi");
        assertEquals("gw-hall", b.get("pump_gw").value().value());
        assertEquals(2149L, b.get("pump_raw").value().value(), "BIN= reads the raw frame, decoded from base64");
        for (String t : List.of("pump_temp", "pump_rssi", "pump_raw")) {
            assertEquals(Instant.parse(at), b.get(t).value().sourceTime(), t + " carries the uplink's receive time");
        }

        // another device id with the VALVE's DevEUI reaches VALVE through the DevEUI
        server.ttsUplink("valve-renamed", "0004a30b001c0530", "2024-05-01T10:16:00.000000001Z", 5, new byte[] {7});
        RecordingContext.Batch v = host.awaitBatch("VALVE", x -> good(x, "valve_raw"), WAIT);
        assertEquals(7L, v.get("valve_raw").value().value());
        assertEquals(Instant.parse("2024-05-01T10:16:00.000000001Z"), v.get("valve_raw").value().sourceTime());

        // a device without a station goes by topic; a join accept goes by topic and leaves PUMP's tags alone
        server.ttsUplink("stranger", "1111111111111111", at, 1, new byte[] {1});
        server.publish("v3/" + app + "/devices/pump-7/join", new String(LorawanCases.bytes("tts-join-accept.json"),
                java.nio.charset.StandardCharsets.UTF_8));
        host.awaitBatch("REST", x -> good(x, "rest_topic") && x.get("rest_topic").value().value().toString()
                .endsWith("/pump-7/join"), WAIT);
        host.awaitBatch("REST", x -> good(x, "rest_topic") && x.get("rest_topic").value().value().toString()
                .endsWith("/stranger/up"), WAIT);
        assertFalse(host.batches("PUMP").stream().anyMatch(x -> x.tags().contains("pump_temp")
                && x.get("pump_temp").value().reason() == Reason.MISSING_IN_PAYLOAD), host.batches("PUMP").toString());
        assertFalse(host.batches("REST").stream().anyMatch(x -> good(x, "rest_topic") && x.get("rest_topic").value().value().toString()
                .endsWith("/pump-7/up")), "pump-7's uplink went to its station, not by topic");
    }

    @Test
    void aTtsDownlinkWriteReachesThePushTopicAndCompletesWithTheServersEvent() throws Exception {
        startTts();
        WriteResult ok = driver.write("pump_setpoint", 500L).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(ok.ok(), ok.message());
        TestNetworkServer.Request r = server.requests.get(0);
        assertEquals("v3/" + app + "/devices/pump-7/down/push", r.topic());
        JsonNode d = r.json().get("downlinks").get(0);
        assertEquals(2, d.get("f_port").intValue());
        assertEquals("AfQ=", d.get("frm_payload").asText());
        assertEquals("NORMAL", d.get("priority").asText());
        assertFalse(d.get("confirmed").booleanValue());
        assertTrue(d.get("correlation_ids").get(0).asText().startsWith("scada-mqtt:queued:"), d.toString());

        WriteResult failed = driver.write("ghost_send", "0a0b").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(WriteFailure.REJECTED, failed.failure(), failed.message());
        assertTrue(failed.message().contains("device not found"), failed.message());

        long t0 = System.nanoTime();
        WriteResult silent = driver.write("silent_send", "01").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(WriteFailure.TIMEOUT, silent.failure(), silent.message());
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(1900).toNanos(), "waited the reply timeout of 2 s");
        assertEquals(3, driver.statistics().named(LorawanSession.OWN_DOWNLINKS), "our pushes came back on down/#");
    }

    @Test
    void aLoriotUplinkReachesItsStationByDevEuiAndADownlinkIsATxCommand() throws Exception {
        LineConfig line = TestConfigs.line("LORIOT", List.of("127.0.0.1"), broker.tcpPort(), params(
                "clientId", "lw-it-" + loriot.replace('/', '-'), "payloadType", "LoRaWAN", "lorawanServer", "LORIOT",
                "lorawanDownlinkTopic", loriot + "/down/{eui}", "timeFieldName", "lorawan.received_at",
                "timeMask", "ISO8601", "subscribeQos", "QoS_1", "publishQos", "QoS_1",
                "reconnectMinDelay", "0.1", "reconnectMaxDelay", "0.5"),
                station("METER", "lorawan/meter", params("lorawanDevice", "BE7A000000001465"),
                        tag("meter_raw", "Ci", "BIN=u16be@0"),
                        tag("meter_snr", "Ai", "JA=lorawan.snr"),
                        tag("meter_cmd", "TxtI", "JA=cmd"),
                        tag("meter_send", "TxtO", "LW=downlink;port=3;confirmed=YES")));
        start(line, List.of(loriot + "/up"));
        long until = System.nanoTime() + WAIT.toNanos();
        while (host.batches("METER").stream().noneMatch(x -> good(x, "meter_raw")) && System.nanoTime() < until) {
            // repeated until the line has subscribed: the same uplink gives the same values
            server.publish(loriot + "/up", new String(LorawanCases.bytes("loriot-rx.json"),
                    java.nio.charset.StandardCharsets.UTF_8));
            Thread.sleep(200);
        }
        RecordingContext.Batch b = host.awaitBatch("METER", x -> good(x, "meter_raw"), WAIT);
        assertEquals(0x0865L, b.get("meter_raw").value().value());
        assertEquals(-2.5, (Double) b.get("meter_snr").value().value(), 1e-9);
        assertEquals("rx", b.get("meter_cmd").value().value());
        assertEquals(Instant.ofEpochMilli(1714558530123L), b.get("meter_raw").value().sourceTime());

        WriteResult ok = driver.write("meter_send", "01f4").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(ok.ok(), ok.message());
        long end = System.nanoTime() + WAIT.toNanos();
        while (server.requests.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        TestNetworkServer.Request r = server.requests.get(0);
        assertEquals(loriot + "/down/BE7A000000001465", r.topic());
        assertEquals("{\"cmd\":\"tx\",\"EUI\":\"BE7A000000001465\",\"port\":3,\"confirmed\":true,\"data\":\"01f4\"}",
                r.json().toString());
    }
}

package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.RecordingContext;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.mqtt.internal.station.StationWorker;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Metric;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.testsupport.EmbeddedHiveMq;

/**
 * One SparkplugB line with a JSON device station beside the edge node's stations (issue 14: "a
 * D2000-style configuration can mix JSON devices and Sparkplug edge nodes on one line"), through
 * the whole driver and a real broker.
 */
class SparkplugMixedLineIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final EmbeddedHiveMq broker = EmbeddedHiveMq.get();
    private final String group = "M" + Long.toHexString(System.nanoTime());
    private final String meterTopic = "plant/" + group + "/meter";
    private RecordingContext host;
    private MqttDriver driver;
    private TestEdgeNode edge;
    private MqttClient device;

    private StationConfig meter(boolean json) {
        return station("METER", meterTopic, json ? params("payloadType", "JSON") : params(),
                tag("power", "Ai", "JA=power"), tag("out_topic", "TxtO", "OUT_TOPIC"),
                tag("out_value", "TxtO", "OUT_VALUE"));
    }

    private LineConfig line(boolean jsonMeter) {
        return TestConfigs.line("MIX", List.of("127.0.0.1"), broker.tcpPort(), params(
                "clientId", "mix-it-" + group, "payloadType", "SparkplugB", "topicFilter", "#",
                "cleanSession", "YES", "sparkplugHostId", "scada-" + group, "replyTimeout", "3", "writeTimeout", "5"),
                station("E1", group + "/E1", params(), tag("speed", "Ai", "SP=Speed")),
                station("D1", group + "/E1/D1", params(), tag("temp", "Ci", "SP=Temp"), tag("limit", "Co", "SP=Limit")),
                meter(jsonMeter));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        if (edge != null) {
            edge.close();
        }
        if (device != null) {
            device.disconnect();
            device.close();
        }
        MqttClient clean = new MqttClient(broker.tcpUri(), "mix-clean-" + group, new MemoryPersistence());
        clean.connect();
        clean.publish("spBv1.0/STATE/scada-" + group, new byte[0], 1, true); // leave no retained STATE behind
        clean.disconnect();
        clean.close();
    }

    private static boolean good(RecordingContext.Batch b, String tag, Object value) {
        return b.tags().contains(tag) && b.get(tag).value().isGood() && value.equals(b.get(tag).value().value());
    }

    private void power(double v) throws Exception {
        device.publish(meterTopic, ("{\"power\":" + v + "}").getBytes(StandardCharsets.UTF_8), 1, false);
        host.awaitBatch("METER", b -> good(b, "power", v), WAIT);
    }

    @Test
    void jsonDeviceAndSparkplugEdgeNodeSideBySide() throws Exception {
        host = new RecordingContext(dir);
        driver = new MqttDriver(line(true), host, new PahoSessionFactory());
        driver.start();
        host.awaitState("METER", StationState.StON, WAIT);
        edge = new TestEdgeNode(broker.tcpUri(), group, "E1", 7);
        device = new MqttClient(broker.tcpUri(), "mix-device-" + group, new MemoryPersistence());
        device.connect();
        List<String> commands = new CopyOnWriteArrayList<>();
        device.subscribe(meterTopic + "/set", 1, (t, m) -> commands.add(new String(m.getPayload(),
                StandardCharsets.UTF_8)));

        edge.nbirth(Sp.metric("Speed", 1, DataTypes.DOUBLE).setDoubleValue(1.5).build());
        edge.send("DBIRTH", "D1", Sp.payload(1, Sp.metric("Temp", 10, DataTypes.INT16).setIntValue(-4).build(),
                Sp.metric("Limit", 11, DataTypes.UINT16).setIntValue(100).build()).build());
        host.awaitBatch("E1", b -> good(b, "speed", 1.5), WAIT);
        power(7.5);
        edge.send("NDATA", "", Sp.payload(2, Sp.aliasOnly(1).setDoubleValue(2.75).build()).build());
        host.awaitBatch("E1", b -> good(b, "speed", 2.75), WAIT);

        // a Sparkplug payload nobody can read: the edge node's values go bad, the JSON device is not touched
        edge.raw("NDATA", "", new byte[] {0x0a, 0x05, 0x01});
        host.awaitBatch("E1", b -> b.tags().contains("speed") && b.get("speed").value().reason() == Reason.PAYLOAD_ERROR,
                WAIT);
        assertEquals(1, driver.statistics().named(SparkplugSession.UNDECODABLE));
        power(8.0);
        assertEquals(StationState.StON, host.state("METER"));
        assertTrue(host.batches("METER").stream().filter(b -> b.tags().contains("power")).map(b -> b.get("power")
                .value()).allMatch(v -> v.isGood() || v.reason() == Reason.NOT_INITIALIZED),
                "the JSON station only ever saw its own good values: " + host.batches("METER"));

        // a DCMD to the Sparkplug device and an OUT_TOPIC/OUT_VALUE publish of the JSON station
        WriteResult dcmd = driver.write("limit", 120L).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(dcmd.ok(), dcmd.message());
        String dcmdTopic = "spBv1.0/" + group + "/DCMD/E1/D1";
        long end = System.nanoTime() + WAIT.toNanos();
        while (edge.commands.stream().noneMatch(c -> c.topic().equals(dcmdTopic)) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        // the unreadable NDATA made the line ask for a rebirth (NCMD) first
        Metric m = edge.commands.stream().filter(c -> c.topic().equals(dcmdTopic)).findFirst().orElseThrow(
                () -> new AssertionError("no DCMD: " + edge.commands)).payload().getMetrics(0);
        assertEquals("Limit", m.getName());
        assertEquals(11, m.getAlias());
        assertEquals(120, m.getIntValue());
        assertTrue(driver.write("out_topic", meterTopic + "/set").toCompletableFuture().get(10, TimeUnit.SECONDS).ok());
        WriteResult out = driver.write("out_value", "{\"on\":true}").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(out.ok(), out.message());
        end = System.nanoTime() + WAIT.toNanos();
        while (commands.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(List.of("{\"on\":true}"), commands);

        // reloads that take away and give back the JSON station's own payloadType leave the edge node's worker alone
        StationWorker e1 = driver.station("E1").orElseThrow();
        driver.reconfigure(line(false));
        assertSame(e1, driver.station("E1").orElseThrow());
        driver.reconfigure(line(true));
        assertSame(e1, driver.station("E1").orElseThrow());
        host.awaitState("METER", StationState.StON, WAIT);
        power(9.0);
        // the session kept its state: the unreadable NDATA still waits for a birth, which brings the values back
        edge.nbirth(Sp.metric("Speed", 1, DataTypes.DOUBLE).setDoubleValue(4.0).build());
        host.awaitBatch("E1", b -> good(b, "speed", 4.0), WAIT);
    }
}

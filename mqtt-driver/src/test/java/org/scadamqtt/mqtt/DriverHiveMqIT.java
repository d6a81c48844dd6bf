package org.scadamqtt.mqtt;

import org.scadamqtt.mqtt.internal.MqttDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.PlantConfig.has;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.tag.Reason;

/** The whole driver against embedded HiveMQ, with a plain Paho client as the device. */
class DriverHiveMqIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private EmbeddedHiveMq broker;
    private MqttClient device;
    private RecordingContext host;
    private MqttDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        broker = EmbeddedHiveMq.get();
        device = new MqttClient(broker.tcpUri(), "device-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        device.connect(o);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        if (device.isConnected()) {
            device.disconnect(2000);
        }
        device.close();
    }

    private MqttDriver start(String clientId, RecordingContext ctx) {
        LineConfig line = PlantConfig.line("Plant", broker.tcpPort(), clientId);
        MqttDriver d = new MqttDriver(line, ctx, new PahoSessionFactory());
        d.start();
        ctx.awaitState("Rest", StationState.StON, WAIT);
        return d;
    }

    private void send(String topic, String payload, int qos) throws Exception {
        device.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    /** Publishes probes to the catch-all station until one arrives: the subscription is active. */
    private void awaitSubscribed(RecordingContext ctx) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            String probe = "probe-" + i++;
            send("probe/x", probe, 0);
            try {
                ctx.awaitBatch("Rest", b -> has(b, "rest_data", probe), Duration.ofMillis(300));
                return;
            } catch (AssertionError notYet) {
                // subscription not active yet
            }
        }
        throw new AssertionError("the driver never received a probe");
    }

    @Test
    void routesByExactRegexAndCatchAllAndBindsJsonWithTheTimeField() throws Exception {
        host = new RecordingContext(dir);
        driver = start("h3b-hive-routing", host);
        awaitSubscribed(host);

        send("plant/boiler1", "{\"meta\":{\"ts\":\"2024-05-01 10:00:00.250\"},\"temp\":{\"value\":81.5},"
                + "\"alarms\":[{\"code\":\"E7\"}],\"on\":true}", 1);
        RecordingContext.Batch boiler = host.awaitBatch("Boiler", b -> has(b, "boiler_temp", 81.5), WAIT);
        assertEquals("plant/boiler1", boiler.get("boiler_topic").value().value());
        assertEquals("E7", boiler.get("boiler_first_alarm").value().value());
        assertEquals(true, boiler.get("boiler_on").value().value());
        assertEquals(Instant.parse("2024-05-01T10:00:00.250Z"), boiler.get("boiler_temp").value().sourceTime());

        send("plant/pump12", "{\"meta\":{\"ts\":\"2024-05-01 12:00:00.000\"},\"rpm\":1450}", 1);
        RecordingContext.Batch pump = host.awaitBatch("Pumps", b -> has(b, "pump_rpm", 1450L), WAIT);
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), pump.get("pump_rpm").value().sourceTime(),
                "station timeZone +02:00");

        send("plant/boiler1", "{\"temp\":{}}", 1);
        RecordingContext.Batch missing = host.awaitBatch("Boiler",
                b -> b.tags().contains("boiler_temp") && b.get("boiler_temp").value().reason() == Reason.MISSING_IN_PAYLOAD,
                WAIT);
        assertTrue(missing.get("boiler_topic").value().isGood());

        send("somewhere/else", "free text", 0);
        host.awaitBatch("Rest", b -> has(b, "rest_topic", "somewhere/else"), WAIT);
        assertFalse(host.batches("Boiler").stream().anyMatch(b -> has(b, "boiler_topic", "somewhere/else")));
    }

    @Test
    void stationWillPutsTheStationInHardErrorUntilTheNextMessage() throws Exception {
        host = new RecordingContext(dir);
        driver = start("h3b-hive-will", host);
        awaitSubscribed(host);
        send("plant/boiler1", "{\"temp\":{\"value\":1}}", 1);
        host.awaitBatch("Boiler", b -> has(b, "boiler_temp", 1.0), WAIT);
        send("plant/status/boiler1", "offline", 1);
        host.awaitState("Boiler", StationState.StHARDERR, WAIT);
        host.awaitBatch("Boiler", b -> b.get("boiler_temp").value().reason() == Reason.STATION_ERROR, WAIT);
        // the same topic with another payload is ordinary: the catch-all station gets it
        send("plant/status/boiler1", "online", 1);
        host.awaitBatch("Rest", b -> has(b, "rest_data", "online"), WAIT);
        assertEquals(StationState.StHARDERR, host.state("Boiler"));
        send("plant/boiler1", "{\"temp\":{\"value\":2}}", 1);
        host.awaitState("Boiler", StationState.StON, WAIT);
        host.awaitBatch("Boiler", b -> has(b, "boiler_temp", 2.0), WAIT);
    }

    @Test
    void ackIdHoldsTheNextMessageAndAnUnconfirmedMessageIsRedeliveredToANewDriver() throws Exception {
        RecordingContext first = new RecordingContext(dir);
        Driver d1 = start("h3b-hive-ack", first);
        awaitSubscribed(first);
        send("plant/acked", "m1", 1);
        send("plant/acked", "m2", 1);
        RecordingContext.Batch b1 = first.awaitBatch("Acked", b -> has(b, "acked_data", "m1"), WAIT);
        long id1 = (Long) b1.get("acked_id").value().value();
        assertTrue(id1 > 0, "QoS 1 has a packet id");
        Thread.sleep(300);
        assertFalse(first.batches("Acked").stream().anyMatch(b -> has(b, "acked_data", "m2")), "m2 is held");
        WriteResult wrong = d1.write("acked_ack", id1 + 1).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertFalse(wrong.ok());
        assertTrue(d1.write("acked_ack", id1).toCompletableFuture().get(5, TimeUnit.SECONDS).ok());
        first.awaitBatch("Acked", b -> has(b, "acked_data", "m2"), WAIT);

        // crash before confirming m2: a new driver with the same client id gets m2 again
        d1.stop();
        host = new RecordingContext(dir);
        driver = new MqttDriver(PlantConfig.line("Plant", broker.tcpPort(), "h3b-hive-ack"), host,
                new PahoSessionFactory());
        driver.start();
        RecordingContext.Batch again = host.awaitBatch("Acked", b -> has(b, "acked_data", "m2"), WAIT);
        long id2 = (Long) again.get("acked_id").value().value();
        assertTrue(driver.write("acked_ack", id2).toCompletableFuture().get(5, TimeUnit.SECONDS).ok());
        assertFalse(host.batches("Acked").stream().anyMatch(b -> has(b, "acked_data", "m1")),
                "the confirmed m1 is not redelivered");
    }

    @Test
    void outValueIsPublishedOnOutTopicAndTheWriteCompletesOnPuback() throws Exception {
        host = new RecordingContext(dir);
        driver = start("h3b-hive-out", host);
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        device.subscribe("cmd/valve7", 1, (t, m) -> seen.add(t + "=" + new String(m.getPayload(), StandardCharsets.UTF_8)));
        assertTrue(driver.write("cmd_topic", "cmd/valve7").toCompletableFuture().get(5, TimeUnit.SECONDS).ok());
        WriteResult r = driver.write("cmd_value", "OPEN").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(r.ok(), r.message());
        assertEquals("cmd/valve7=OPEN", seen.poll(10, TimeUnit.SECONDS));
    }
}

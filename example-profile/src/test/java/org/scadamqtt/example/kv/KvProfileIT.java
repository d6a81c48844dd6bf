package org.scadamqtt.example.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ProtocolCatalog;
import org.scadamqtt.config.ProtocolRules;
import org.scadamqtt.config.xml.ConfigLoader;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverProvider;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.MqttDriverProvider;
import org.scadamqtt.mqtt.RecordingContext;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.tag.Reason;

/**
 * A profile from another jar, found by ServiceLoader, configured in XML and run by the unchanged
 * driver against a real broker, with a Paho client as the device that answers commands.
 */
class KvProfileIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final DriverProvider provider = new MqttDriverProvider();

    @TempDir
    Path dir;

    private EmbeddedHiveMq broker;
    private MqttClient device;
    private Driver driver;

    @BeforeEach
    void setUp() throws Exception {
        broker = EmbeddedHiveMq.get();
        device = new MqttClient(broker.tcpUri(), "kv-device-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        device.connect(o);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        device.disconnect(2000);
        device.close();
    }

    private ConfigLoader loader() {
        return new ConfigLoader(ProtocolCatalog.of(new ProtocolRules(provider.protocol(), provider.lineParameters(),
                provider.stationParameters(), provider::validate)));
    }

    private static String xml(int port) throws IOException {
        try (InputStream in = KvProfileIT.class.getResourceAsStream("/kv-line.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PORT", Integer.toString(port));
        }
    }

    @Test
    void theProfilesAddressesAndParametersAreCheckedWithPositions() throws Exception {
        String broken = xml(1883).replace("<param name=\"kvCommandTopic\">plant/pump/cmd</param>", "")
                .replace("KV=state", "KV=st;ate");
        ConfigException e = assertThrows(ConfigException.class, () -> loader().load(broken, "kv.xml"));
        List<String> texts = e.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(2, texts.size(), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("kv.xml:11:") && t.contains("KV=st;ate")
                && t.contains("without ';'")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("kv.xml:13:") && t.contains("no kvCommandTopic")),
                texts.toString());
        assertTrue(provider.lineParameters().stream().anyMatch(d -> d.name().equals("payloadType")
                && d.canonicalChoices().contains("KV")), "the Payload Type choices list the new profile");
    }

    @Test
    void valuesAndAnsweredCommandsThroughARealBroker() throws Exception {
        LineConfig line = loader().load(xml(broker.tcpPort()), "kv.xml").lines().get(0);
        RecordingContext host = new RecordingContext(dir);
        driver = provider.create(line, host);
        driver.start();
        host.awaitState("PUMP", StationState.StON, WAIT);
        device.subscribe("plant/pump/cmd", 1, (topic, m) -> {
            String text = new String(m.getPayload(), StandardCharsets.UTF_8);
            String id = text.substring(text.indexOf("id=") + 3);
            String answer = text.startsWith("speed=999") ? "id=" + id + ";ok=0;err=above maximum speed"
                    : "id=" + id + ";ok=1";
            if (!text.startsWith("speed=0")) { // speed 0 is never answered
                device.publish("plant/pump/cmd/ack", answer.getBytes(StandardCharsets.UTF_8), 1, false);
            }
        });

        RecordingContext.Batch b = null;
        long end = System.nanoTime() + WAIT.toNanos();
        while (b == null && System.nanoTime() < end) { // until the driver's subscription is active
            device.publish("plant/pump", "temp=21.5;state=RUNNING".getBytes(StandardCharsets.UTF_8), 1, false);
            try {
                b = host.awaitBatch("PUMP", x -> x.tags().contains("PUMP_TEMP")
                        && x.get("PUMP_TEMP").value().isGood(), Duration.ofMillis(500));
            } catch (AssertionError | RuntimeException notYet) {
                // not subscribed yet
            }
        }
        assertTrue(b != null, "no value arrived");
        assertEquals(21.5, b.get("PUMP_TEMP").value().value());
        assertEquals("RUNNING", b.get("PUMP_STATE").value().value());
        assertEquals("pump", b.get("PUMP_UNIT").value().value(), "TL= works on any profile's line");

        device.publish("plant/pump", "temp=22;bad pair".getBytes(StandardCharsets.UTF_8), 1, false);
        RecordingContext.Batch bad = host.awaitBatch("PUMP", x -> x.tags().contains("PUMP_TEMP")
                && x.get("PUMP_TEMP").value().reason() == Reason.PAYLOAD_ERROR, WAIT);
        assertTrue(bad.get("PUMP_TEMP").value().detail().contains("'bad pair' at character 9"), bad.toString());

        WriteResult ok = driver.write("PUMP_SPEED", 1200.0).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(ok.ok(), ok.toString());
        WriteResult refused = driver.write("PUMP_SPEED", 999.0).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(WriteFailure.REJECTED, refused.failure());
        assertTrue(refused.message().contains("above maximum speed"), refused.message());
        WriteResult unanswered = driver.write("PUMP_SPEED", 0.0).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(WriteFailure.TIMEOUT, unanswered.failure(), unanswered.message());
    }
}

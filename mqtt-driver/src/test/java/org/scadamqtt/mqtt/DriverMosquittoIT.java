package org.scadamqtt.mqtt;

import org.scadamqtt.mqtt.internal.MqttDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.PlantConfig.has;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.testsupport.MosquittoBroker;

/** The whole driver against Mosquitto, with mosquitto_pub / mosquitto_sub as the device and the consumer. */
class DriverMosquittoIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private RecordingContext host;
    private MqttDriver driver;

    @BeforeAll
    static void mosquitto() {
        MosquittoBroker.assumeAvailable();
    }

    @BeforeEach
    void setUp() {
        broker = MosquittoBroker.start(false);
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.stop();
        }
        broker.close();
    }

    private MqttDriver start(String clientId, RecordingContext ctx) throws Exception {
        MqttDriver d = new MqttDriver(PlantConfig.line("Plant", broker.port(), clientId), ctx, new PahoSessionFactory());
        d.start();
        ctx.awaitState("Rest", StationState.StON, WAIT);
        MosquittoClients.awaitProbe(broker.port(), ctx, WAIT);
        return d;
    }

    @Test
    void messagesFromMosquittoPubAreRoutedAndBound() throws Exception {
        host = new RecordingContext(dir);
        driver = start("h3b-mosq-route", host);
        MosquittoClients.pub(broker.port(), "plant/boiler1", "{\"temp\":{\"value\":64.5},\"alarms\":[{\"code\":\"A1\"}]}", 1);
        RecordingContext.Batch b = host.awaitBatch("Boiler", x -> has(x, "boiler_temp", 64.5), WAIT);
        assertEquals("A1", b.get("boiler_first_alarm").value().value());
        MosquittoClients.pub(broker.port(), "plant/pump3", "{\"rpm\":900}", 2);
        host.awaitBatch("Pumps", x -> has(x, "pump_rpm", 900L), WAIT);
        MosquittoClients.pub(broker.port(), "plant/status/boiler1", "offline", 1);
        host.awaitState("Boiler", StationState.StHARDERR, WAIT);
    }

    @Test
    void outValueIsSeenByMosquittoSub() throws Exception {
        host = new RecordingContext(dir);
        driver = start("h3b-mosq-out", host);
        Process sub = MosquittoClients.sub(broker.port(), "cmd/#", 1);
        assertTrue(driver.write("cmd_topic", "cmd/pump3/speed").toCompletableFuture().get(5, TimeUnit.SECONDS).ok());
        long end = System.nanoTime() + WAIT.toNanos();
        // repeat until mosquitto_sub, which may subscribe after our first publish, has seen one
        while (sub.isAlive() && System.nanoTime() < end) {
            assertTrue(driver.write("cmd_value", "1200").toCompletableFuture().get(5, TimeUnit.SECONDS).ok());
            sub.waitFor(300, TimeUnit.MILLISECONDS);
        }
        assertTrue(sub.waitFor(5, TimeUnit.SECONDS));
        assertEquals("cmd/pump3/speed 1200", MosquittoClients.output(sub).trim());
    }

    @Test
    void allStationsOffDisconnectsTheLineAndOneOnReconnectsAndGetsWhatWasQueued() throws Exception {
        host = new RecordingContext(dir);
        driver = start("h3b-mosq-off", host);
        for (String s : new String[] {"Boiler", "Pumps", "Acked", "Commands", "Rest"}) {
            driver.control(s, s.equals("Rest") ? StationControl.SIMUL : StationControl.OFF);
        }
        awaitLine(LineState.DISCONNECTED);
        // Proof that the socket is really closed: a connected line would hand this QoS 1 message to the
        // OFF station, which discards and acknowledges it; a disconnected persistent session (Clean Session
        // NO) makes Mosquitto keep it and deliver it once a station is ON again.
        MosquittoClients.pub(broker.port(), "plant/pump7", "{\"rpm\":77}", 1);
        Thread.sleep(300);
        assertFalse(host.batches("Pumps").stream().anyMatch(b -> has(b, "pump_rpm", 77L)));
        driver.control("Pumps", StationControl.ON);
        awaitLine(LineState.CONNECTED);
        host.awaitBatch("Pumps", b -> has(b, "pump_rpm", 77L), WAIT);
    }

    @Test
    void unconfirmedAckIdMessageIsRedeliveredAfterADriverCrash() throws Exception {
        RecordingContext first = new RecordingContext(dir);
        MqttDriver d1 = start("h3b-mosq-ack", first);
        MosquittoClients.pub(broker.port(), "plant/acked", "job-1", 1);
        first.awaitBatch("Acked", b -> has(b, "acked_data", "job-1"), WAIT);
        d1.stop(); // without writing ACK_ID
        host = new RecordingContext(dir);
        driver = new MqttDriver(PlantConfig.line("Plant", broker.port(), "h3b-mosq-ack"), host,
                new PahoSessionFactory());
        driver.start();
        RecordingContext.Batch again = host.awaitBatch("Acked", b -> has(b, "acked_data", "job-1"), WAIT);
        long id = (Long) again.get("acked_id").value().value();
        assertTrue(driver.write("acked_ack", id).toCompletableFuture().get(5, TimeUnit.SECONDS).ok());
    }

    private void awaitLine(LineState state) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            var all = host.lineStatuses();
            if (!all.isEmpty() && all.get(all.size() - 1).state() == state) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("line never became " + state + ": " + host.lineStatuses());
    }

}

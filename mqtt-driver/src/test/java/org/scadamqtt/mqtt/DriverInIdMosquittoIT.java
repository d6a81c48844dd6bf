package org.scadamqtt.mqtt;

import org.scadamqtt.mqtt.internal.MqttDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.PlantConfig.has;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.testsupport.MosquittoBroker;

/**
 * IN_ID through a real broker with mosquitto_pub as the device: 0 for a QoS 0 message (and
 * ACK_ID 0 confirms it), the packet id (1 to 65535) for QoS 1 and QoS 2.
 */
class DriverInIdMosquittoIT {

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
    void setUp() throws Exception {
        broker = MosquittoBroker.start(false);
        LineConfig line = TestConfigs.line("InId", List.of("127.0.0.1"), broker.port(),
                params("clientId", "audit4-inid", "subscribeQos", "QoS_2", "reconnectMinDelay", "0.1",
                        "reconnectMaxDelay", "0.5", "writeTimeout", "5"),
                station("Jobs", "jobs/in", params(), tag("jobs_data", "TxtI", "IN_DATA"),
                        tag("jobs_id", "Ci", "IN_ID"), tag("jobs_ack", "Co", "ACK_ID")),
                station("Rest", ".*", params(), tag("rest_data", "TxtI", "IN_DATA")));
        host = new RecordingContext(dir);
        driver = new MqttDriver(line, host, new PahoSessionFactory());
        driver.start();
        host.awaitState("Rest", StationState.StON, WAIT);
        MosquittoClients.awaitProbe(broker.port(), host, WAIT);
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.stop();
        }
        broker.close();
    }

    private long receive(String payload) {
        RecordingContext.Batch b = host.awaitBatch("Jobs", x -> has(x, "jobs_data", payload), WAIT);
        return (Long) b.get("jobs_id").value().value();
    }

    private void confirm(long id) throws Exception {
        WriteResult r = driver.write("jobs_ack", id).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(r.ok(), "ACK_ID " + id + ": " + r);
    }

    @Test
    void qos0HasInIdZeroAndAckZeroReleasesTheNextMessage() throws Exception {
        MosquittoClients.pub(broker.port(), "jobs/in", "q0-a", 0);
        assertEquals(0L, receive("q0-a"), "IN_ID of a QoS 0 message");
        MosquittoClients.pub(broker.port(), "jobs/in", "q0-b", 0);
        Thread.sleep(200);
        assertFalse(host.batches("Jobs").stream().anyMatch(x -> has(x, "jobs_data", "q0-b")), "q0-b is held");
        confirm(0);
        assertEquals(0L, receive("q0-b"));
        confirm(0);
    }

    @Test
    void qos1AndQos2HaveThePacketIdAsInId() throws Exception {
        MosquittoClients.pub(broker.port(), "jobs/in", "q1", 1);
        long id1 = receive("q1");
        assertTrue(id1 >= 1 && id1 <= 65535, "IN_ID of a QoS 1 message: " + id1);
        confirm(id1);
        MosquittoClients.pub(broker.port(), "jobs/in", "q2", 2);
        long id2 = receive("q2");
        assertTrue(id2 >= 1 && id2 <= 65535, "IN_ID of a QoS 2 message: " + id2);
        confirm(id2);
    }
}

package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.testsupport.MosquittoProcess;

/**
 * The packaged {@code scada-host.jar}, run as an operator would ({@code java -jar scada-host.jar run
 * plant.xml}) against Mosquitto, stopped with SIGTERM: the line must say goodbye with an MQTT
 * DISCONNECT (Mosquitto logs "Received DISCONNECT", the line's will is not published), report
 * itself DISCONNECTED and stopped, and the process must exit with the documented 143. A second
 * run killed with SIGKILL is the control: there the broker publishes the will, so the will check
 * can fail. Skipped without Mosquitto (failed when CI=true) or without the packaged jar.
 */
@Timeout(150)
class SignalShutdownIT {

    private static final String WILL_TOPIC = "host/PLANT/will";

    @TempDir
    Path tmp;
    private MosquittoProcess mosquitto;
    private int port;
    private MqttClient watcher;
    private final BlockingQueue<String> wills = new LinkedBlockingQueue<>();

    @BeforeEach
    void startMosquitto() throws Exception {
        MosquittoProcess.assumeInstalled();
        mosquitto = MosquittoProcess.start(tmp); // logs every DISCONNECT it receives
        port = mosquitto.port();
        watcher = new MqttClient("tcp://127.0.0.1:" + port, "will-watcher-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        watcher.connect(o);
        watcher.subscribe(WILL_TOPIC, 1, (topic, message) ->
                wills.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stopMosquitto() throws Exception {
        if (watcher != null) {
            if (watcher.isConnected()) {
                watcher.disconnect(2000);
            }
            watcher.close();
            watcher = null;
        }
        if (mosquitto != null) {
            mosquitto.close(); // its log stays readable; closing twice is harmless
        }
    }

    @Test
    void sigtermDisconnectsCleanlyWithoutTheWillAndExitsWith143() throws Exception {
        Path config = writeConfig();
        Path data = tmp.resolve("data");

        Host host = Host.start(tmp, "first", config, data);
        try {
            host.awaitOut("LINE line=PLANT state=CONNECTED", 40);
            publish("plant/meter", "{\"power\":{\"active\":7.5}}");
            host.awaitOut("TAG tag=METER_POWER station=METER quality=GOOD", 10);

            host.process.destroy(); // SIGTERM, as `kill -TERM` and systemd send
            assertTrue(host.process.waitFor(30, TimeUnit.SECONDS), "the host did not stop within 30 s of SIGTERM");
            assertEquals(ExitCodes.STOPPED_BY_SIGTERM, host.process.exitValue(), host.describe());
        } finally {
            host.process.destroyForcibly();
        }
        assertTrue(host.out().contains("LINE line=PLANT state=DISCONNECTED"), "the log console shows the line stop: "
                + host.describe());
        assertTrue(host.err().contains("line 'PLANT' stopped"), host.describe());
        assertNull(wills.poll(1500, TimeUnit.MILLISECONDS), "a clean DISCONNECT must not publish the will");

        // control: the same host killed without a chance to say goodbye: the broker publishes the will
        Host killed = Host.start(tmp, "killed", config, data);
        try {
            killed.awaitOut("LINE line=PLANT state=CONNECTED", 40);
            killed.process.destroyForcibly(); // SIGKILL
            assertTrue(killed.process.waitFor(10, TimeUnit.SECONDS));
        } finally {
            killed.process.destroyForcibly();
        }
        String will = wills.poll(10, TimeUnit.SECONDS);
        assertNotNull(will, "control: a killed host's will was not seen, so the check above proves nothing");
        assertEquals("PLANT offline", will);

        // Mosquitto writes its log to a pipe in blocks: read it once it has stopped
        stopMosquitto();
        String log = brokerLog();
        String clientId = "scada-" + Files.readString(data.resolve("host-id")).trim() + "-PLANT";
        int disconnect = log.indexOf("Received DISCONNECT from " + clientId);
        int dropped = log.indexOf("Client " + clientId + " closed its connection");
        assertTrue(disconnect >= 0, "the SIGTERMed host sent no DISCONNECT:\n" + log);
        assertTrue(dropped > disconnect, "only the killed host (second) drops its connection without one:\n" + log);
        assertEquals(disconnect, log.lastIndexOf("Received DISCONNECT from " + clientId), log);
    }

    private Path writeConfig() throws IOException {
        Path config = tmp.resolve("plant.xml");
        Files.writeString(config, """
                <scada xmlns="urn:scada-mqtt:config:1">
                  <line name="PLANT" protocol="mqtt">
                    <host>tcp://127.0.0.1:%d</host>
                    <param name="payloadType">JSON</param>
                    <param name="topicFilter">plant/#</param>
                    <param name="cleanSession">NO</param>
                    <param name="willFlag">YES</param>
                    <param name="willTopic">%s</param>
                    <param name="willMessage">PLANT offline</param>
                    <param name="willQos">QoS_1</param>
                    <station name="METER" address="plant/meter">
                      <tag name="METER_POWER" type="Ai" address="JA=power.active"/>
                    </station>
                  </line>
                </scada>
                """.formatted(port, WILL_TOPIC));
        return config;
    }

    private void publish(String topic, String payload) throws Exception {
        watcher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private String brokerLog() throws IOException {
        return mosquitto.log();
    }

    /** {@code java -jar scada-host.jar run CONFIG --console log} as a child process. */
    private record Host(Process process, Path stdout, Path stderr) {

        static Host start(Path tmp, String name, Path config, Path data) throws IOException {
            String jar = System.getProperty("scada.hostJar");
            Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                    "the packaged scada-host.jar is not there (" + jar + "); run through `mvn verify`");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path out = tmp.resolve(name + ".out");
            Path err = tmp.resolve(name + ".err");
            Process p = new ProcessBuilder(java.toString(), "-jar", jar, "run", config.toString(), "--console", "log",
                    "--http-port", "0", "--data-dir", data.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Host(p, out, err);
        }

        String out() throws IOException {
            return Files.readString(stdout);
        }

        String err() throws IOException {
            return Files.readString(stderr);
        }

        void awaitOut(String text, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!out().contains(text)) {
                assertTrue(process.isAlive(), "the host exited early: " + describe());
                assertTrue(System.nanoTime() < deadline, "no '" + text + "' within " + seconds + " s: " + describe());
                Thread.sleep(100);
            }
        }

        String describe() throws IOException {
            return "\n--- stdout ---\n" + out() + "\n--- stderr ---\n" + err();
        }
    }
}

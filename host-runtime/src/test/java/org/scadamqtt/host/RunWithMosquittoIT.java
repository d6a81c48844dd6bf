package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.host.broker.EmbeddedBroker;
import org.scadamqtt.tag.TagValue;

/**
 * {@code run} against an external Mosquitto: the test starts one on a free port, writes a
 * configuration pointing at it, runs the host, and publishes with {@code mosquitto_pub}; the tag
 * table must get the value. Skipped when Mosquitto is not installed, unless CI=true.
 */
@Timeout(120)
class RunWithMosquittoIT {

    @Test
    void aMessageFromMosquittoPubReachesTheTagTable(@TempDir Path tmp) throws Exception {
        Path mosquitto = find("mosquitto", "/usr/sbin/mosquitto");
        Path mosquittoPub = find("mosquitto_pub", "/usr/bin/mosquitto_pub");
        if (mosquitto == null || mosquittoPub == null) {
            String why = "Mosquitto is not installed (apt-get install -y mosquitto mosquitto-clients)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI=true requires it");
            }
            Assumptions.abort(why + "; test skipped");
        }
        int port = EmbeddedBroker.freePort();
        Path conf = tmp.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process broker = new ProcessBuilder(mosquitto.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("mosquitto.log").toFile()).start();
        try {
            waitForPort(port, broker);
            Path config = tmp.resolve("plant.xml");
            Files.writeString(config, """
                    <scada xmlns="urn:scada-mqtt:config:1">
                      <line name="PLANT" protocol="mqtt">
                        <host>tcp://127.0.0.1:%d</host>
                        <param name="payloadType">JSON</param>
                        <param name="topicFilter">plant/#</param>
                        <station name="METER" address="plant/meter">
                          <tag name="METER_TOPIC" type="TxtI" address="IN_TOPIC"/>
                          <tag name="METER_POWER" type="Ai" address="JA=power.active"/>
                        </station>
                      </line>
                    </scada>
                    """.formatted(port));
            HostOptions options = new HostOptions(config, null, tmp.resolve("data"), null, "127.0.0.1", 0, null,
                    ConsoleKind.none, 0);
            try (HostRuntime rt = HostRuntime.start(options, System.out)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (rt.table().lines().get(0).status().state() != LineState.CONNECTED) {
                    assertTrue(System.nanoTime() < deadline, "line PLANT did not connect: " + rt.table().lines());
                    Thread.sleep(100);
                }
                while (true) {
                    Process pub = new ProcessBuilder(mosquittoPub.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                            "-q", "1", "-t", "plant/meter", "-m", "{\"power\":{\"active\":42.5}}")
                            .redirectErrorStream(true).start();
                    assertTrue(pub.waitFor(10, TimeUnit.SECONDS), "mosquitto_pub did not finish");
                    assertEquals(0, pub.exitValue(), new String(pub.getInputStream().readAllBytes()));
                    Thread.sleep(300);
                    TagValue v = rt.table().tag("METER_POWER").orElseThrow().value();
                    if (v.isGood()) {
                        assertEquals(42.5, v.value());
                        assertEquals("plant/meter", rt.table().tag("METER_TOPIC").orElseThrow().value().value());
                        return;
                    }
                    assertTrue(System.nanoTime() < deadline, "no value from mosquitto_pub reached METER_POWER: " + v);
                }
            }
        } finally {
            broker.destroy();
            if (!broker.waitFor(10, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    private static void waitForPort(int port, Process broker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            assertTrue(broker.isAlive(), "mosquitto exited with " + (broker.isAlive() ? "" : broker.exitValue()));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        fail("mosquitto did not listen on port " + port + " within 10 s");
    }

    private static Path find(String name, String usual) {
        if (Files.isExecutable(Path.of(usual))) {
            return Path.of(usual);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}

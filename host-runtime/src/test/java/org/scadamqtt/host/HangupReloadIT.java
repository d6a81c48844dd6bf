package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.host.broker.EmbeddedBroker;

/**
 * Issue 10 item 6, SIGHUP: the packaged host ({@code java -jar scada-host.jar run plant.xml
 * --embedded-broker PORT}) sent {@code kill -HUP} after its file gained a tag reloads it in the
 * running process: the new tag fills from the next message, the process keeps running and the
 * line is not stopped. The signal is sent as soon as the line has a value, which on a loaded
 * machine is before the host has finished starting (its web console comes last): the handler was
 * installed only after the start, so the JVM's default action ended the host. Skipped without the
 * packaged jar or on a platform without {@code kill}.
 */
@Timeout(120)
class HangupReloadIT {

    @TempDir
    Path tmp;

    @Test
    void sighupReloadsTheFileInTheRunningProcess() throws Exception {
        String jar = System.getProperty("scada.hostJar");
        Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "the packaged scada-host.jar is not there (" + jar + "); run through `mvn verify`");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "no kill command");
        int port = EmbeddedBroker.freePort();
        Path config = tmp.resolve("plant.xml");
        Files.writeString(config, PLANT_XML);
        Path out = tmp.resolve("host.out");
        Path err = tmp.resolve("host.err");
        // a build started with SIGHUP ignored (nohup) passes that on to every child, and a JVM keeps
        // an ignored SIGHUP ignored: the host is started with SIGHUP at its default, as a service is
        Process host = new ProcessBuilder(hostCommand("--default-signal=HUP", jar, config, port, tmp))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        MqttClient publisher = null;
        try {
            awaitOut(host, out, err, "LINE line=PLANT state=CONNECTED", 60, null);
            publisher = new MqttClient("tcp://127.0.0.1:" + port, "hup-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setConnectionTimeout(10);
            publisher.connect(o);
            MqttClient p = publisher;
            awaitOut(host, out, err, "TAG tag=METER_POWER station=METER quality=GOOD", 20,
                    () -> p.publish("plant/meter", "{\"power\":7.5}".getBytes(StandardCharsets.UTF_8), 1, false));
            assertFalse(Files.readString(out).contains("METER_VOLT"));

            Files.writeString(config, Files.readString(config).replace("</station>",
                    "  <tag name=\"METER_VOLT\" type=\"Ai\" address=\"JA=volt\"/>\n    </station>"));
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(host.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -HUP");
            awaitOut(host, out, err, "TAG tag=METER_VOLT station=METER quality=GOOD", 30,
                    () -> p.publish("plant/meter", "{\"power\":8,\"volt\":230}".getBytes(StandardCharsets.UTF_8), 1,
                            false));
            assertTrue(host.isAlive(), "the host keeps running after SIGHUP");
            assertTrue(Files.readString(err).contains("SIGHUP received"), describe(out, err));
            assertFalse(Files.readString(out).contains("LINE line=PLANT state=DISCONNECTED"),
                    "the line was stopped: " + describe(out, err));
        } finally {
            if (publisher != null) {
                if (publisher.isConnected()) {
                    publisher.disconnect(2000);
                }
                publisher.close();
            }
            stop(host);
        }
    }

    /**
     * A host started with SIGHUP ignored (as under {@code nohup}) cannot be reloaded by
     * {@code kill -HUP}: it says so at start, with the ways that do work, instead of ignoring
     * the signal without a word.
     */
    @Test
    void aHostStartedWithSighupIgnoredSaysThatKillHupWillNotReload() throws Exception {
        String jar = System.getProperty("scada.hostJar");
        Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "the packaged scada-host.jar is not there (" + jar + "); run through `mvn verify`");
        Assumptions.assumeTrue(envHandlesSignals(), "this env cannot set signal dispositions (coreutils < 8.31)");
        int port = EmbeddedBroker.freePort();
        Path config = tmp.resolve("plant.xml");
        Files.writeString(config, PLANT_XML);
        Path out = tmp.resolve("host.out");
        Path err = tmp.resolve("host.err");
        Process host = new ProcessBuilder(hostCommand("--ignore-signal=HUP", jar, config, port, tmp))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            awaitOut(host, out, err, "LINE line=PLANT state=CONNECTED", 60, null);
            String log = Files.readString(err);
            assertTrue(log.contains("WARN") && log.contains("SIGHUP is ignored by this process")
                    && log.contains("POST /api/reload"), describe(out, err));
        } finally {
            stop(host);
        }
    }

    /** {@code env <signalOption> java -jar scada-host.jar run …}: the host with SIGHUP set as the test needs. */
    private static List<String> hostCommand(String signalOption, String jar, Path config, int port, Path tmp) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        if (envHandlesSignals()) {
            cmd.addAll(List.of("env", signalOption));
        }
        cmd.addAll(List.of(java, "-jar", jar, "run", config.toString(), "--embedded-broker",
                Integer.toString(port), "--console", "log", "--http-port", "0", "--data-dir",
                tmp.resolve("data").toString()));
        return cmd;
    }

    /** Whether {@code env} can set a signal's disposition for the program it runs (GNU coreutils 8.31+). */
    private static boolean envHandlesSignals() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=HUP", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final String PLANT_XML = """
            <scada xmlns="urn:scada-mqtt:config:1">
              <line name="PLANT" protocol="mqtt">
                <host>embedded</host>
                <param name="payloadType">JSON</param>
                <param name="topicFilter">plant/#</param>
                <station name="METER" address="plant/meter">
                  <tag name="METER_POWER" type="Ai" address="JA=power"/>
                </station>
              </line>
            </scada>
            """;

    private static void stop(Process host) throws InterruptedException {
        host.destroy();
        if (!host.waitFor(20, TimeUnit.SECONDS)) {
            host.destroyForcibly();
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static void awaitOut(Process host, Path out, Path err, String text, int seconds, Step each)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.readString(out).contains(text)) {
            assertTrue(host.isAlive(), "the host exited: " + describe(out, err));
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' within " + seconds + " s: " + describe(out, err));
            if (each != null) {
                try {
                    each.run();
                } catch (Exception e) {
                    throw new AssertionError("waiting for '" + text + "': " + e + describe(out, err), e);
                }
            }
            Thread.sleep(500);
        }
    }

    private static String describe(Path out, Path err) throws java.io.IOException {
        return "\n--- stdout ---\n" + Files.readString(out) + "\n--- stderr ---\n" + Files.readString(err);
    }
}

package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.mqtt.RecordingContext;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.TcpProxy;

/**
 * A running Sparkplug primary host whose line is reloaded with another payload type: the old
 * profile says goodbye (STATE death) before the new one takes over, as on a deliberate disconnect.
 * Without it the retained STATE would say "online" for a host that no longer exists.
 */
class SparkplugPayloadTypeChangeIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private EmbeddedHiveMq broker;
    private RecordingContext host;
    private MqttDriver driver;
    private String hostId;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void setUp() {
        broker = EmbeddedHiveMq.get();
        hostId = "scada-T" + Long.toHexString(System.nanoTime());
        host = new RecordingContext(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
        MqttClient clean = new MqttClient(broker.tcpUri(), "sp-clean-" + hostId, new MemoryPersistence());
        clean.connect();
        for (String id : List.of(hostId, hostId + "b")) {
            clean.publish("spBv1.0/STATE/" + id, new byte[0], 1, true); // leave no retained STATE behind
        }
        clean.disconnect();
        clean.close();
    }

    private LineConfig sparkplugLine(int port) {
        return sparkplugLine(port, hostId, "10");
    }

    private LineConfig sparkplugLine(int port, String id, String rebirthInterval) {
        return TestConfigs.line("SPT", List.of("127.0.0.1"), port, params("clientId", "spt-" + hostId,
                "payloadType", "SparkplugB", "topicFilter", "spBv1.0/#", "subscribeQos", "QoS_1",
                "cleanSession", "YES", "sparkplugHostId", id, "sparkplugRebirthInterval", rebirthInterval,
                "replyTimeout", "3", "writeTimeout", "5", "reconnectMinDelay", "0.1", "reconnectMaxDelay", "0.5"),
                station("E1", "node", params("sparkplugEdge", "G/E1"), tag("speed", "Ai", "SP=Speed")));
    }

    /** The same line reloaded as plain text: another payload type, filter and station. */
    private LineConfig textLine(int port) {
        return TestConfigs.line("SPT", List.of("127.0.0.1"), port, params("clientId", "spt-" + hostId,
                "payloadType", "TEXT", "topicFilter", "plain-" + hostId + "/#", "subscribeQos", "QoS_1",
                "cleanSession", "YES", "replyTimeout", "3", "writeTimeout", "5",
                "reconnectMinDelay", "0.1", "reconnectMaxDelay", "0.5"),
                station("S", "plain-" + hostId + "/x", params(), tag("text", "TxtI", "IN_DATA")));
    }

    /** Starts the Sparkplug line and returns the timestamp of its retained STATE birth. */
    private String startSparkplug(int port) throws Exception {
        driver = new MqttDriver(sparkplugLine(port), host, new PahoSessionFactory());
        driver.start();
        List<String> announced = watchState(); // may subscribe before or after the birth
        await(() -> announced.stream().anyMatch(s -> s.startsWith("{\"online\":true")));
        List<String> seen = watchState();
        await(() -> !seen.isEmpty());
        String birth = seen.isEmpty() ? "none" : seen.get(0);
        assertTrue(birth.matches("\\{\"online\":true,\"timestamp\":\\d+} retained qos1"), seen.toString());
        return birth.replaceAll(".*\"timestamp\":(\\d+).*", "$1");
    }

    @Test
    void reloadingAsAnotherPayloadTypeSaysOfflineBeforeTheNewProfileTakesOver() throws Exception {
        String ts = startSparkplug(broker.tcpPort());
        List<String> seen = watchState();
        await(() -> !seen.isEmpty());

        driver.reconfigure(textLine(broker.tcpPort()));

        String birth = "{\"online\":true,\"timestamp\":" + ts + "} retained qos1";
        String death = "{\"online\":false,\"timestamp\":" + ts + "}";
        await(() -> seen.size() >= 2);
        assertEquals(List.of(birth, death + " qos1"), seen, "the STATE death of the leaving primary host");
        List<String> later = watchState();
        await(() -> !later.isEmpty());
        assertEquals(List.of(death + " retained qos1"), later, "the retained STATE after the reload");

        // the text line took over: it receives on its new filter once it has subscribed again
        MqttClient pub = new MqttClient(broker.tcpUri(), "spt-pub-" + hostId, new MemoryPersistence());
        pub.connect();
        closing.add(() -> {
            pub.disconnect();
            pub.close();
        });
        await(() -> {
            try {
                pub.publish("plain-" + hostId + "/x", "hello".getBytes(StandardCharsets.UTF_8), 1, false);
                Thread.sleep(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return host.batches("S").stream().anyMatch(b -> b.tags().contains("text")
                    && "hello".equals(b.get("text").value().value()));
        });
        assertEquals(StationState.StON, host.state("S"));
        assertTrue(host.batches("S").stream().anyMatch(b -> b.tags().contains("text")
                && "hello".equals(b.get("text").value().value())), "the text station's value: " + host.batches("S"));
        assertEquals(List.of(birth, death + " qos1"), seen, "nothing more on STATE");
    }

    @Test
    void reloadingWithAnotherHostIdRetiresTheOldIdAndAnnouncesTheNewOneWithoutAnOfflineFirst() throws Exception {
        String ts = startSparkplug(broker.tcpPort());
        List<String> old = watchState();
        List<String> renamed = watchState(hostId + "b");
        await(() -> !old.isEmpty());
        old.clear();

        driver.reconfigure(sparkplugLine(broker.tcpPort(), hostId + "b", "10"));

        await(() -> !old.isEmpty() && !renamed.isEmpty());
        assertEquals(List.of("{\"online\":false,\"timestamp\":" + ts + "} qos1"), old,
                "the old host id's STATE death (before this fix the old session kept the old id)");
        assertTrue(renamed.get(0).startsWith("{\"online\":true"), "the new host id starts online: " + renamed);
        Thread.sleep(500);
        assertTrue(renamed.stream().allMatch(m -> m.startsWith("{\"online\":true")), "never offline: " + renamed);
    }

    @Test
    void becomingASparkplugHostByReloadSaysOnlineWithoutAnOfflineFirst() throws Exception {
        driver = new MqttDriver(textLine(broker.tcpPort()), host, new PahoSessionFactory());
        driver.start();
        host.awaitState("S", StationState.StON, WAIT);
        List<String> seen = watchState();
        driver.reconfigure(sparkplugLine(broker.tcpPort()));
        await(() -> !seen.isEmpty());
        Thread.sleep(500);
        assertTrue(!seen.isEmpty() && seen.stream().allMatch(m -> m.startsWith("{\"online\":true")),
                "only online, no offline for a host that was never online: " + seen);
    }

    /**
     * Another value of a Sparkplug line parameter (the rebirth interval) opens a new session, so
     * the value takes effect; its STATE birth and the will the broker holds carry one timestamp,
     * so the death the broker publishes when the link dies is not ignored as older than the birth.
     */
    @Test
    void aProfileParameterChangeTakesEffectAndTheWillStillMatchesTheBirth() throws Exception {
        TcpProxy proxy = TcpProxy.start("127.0.0.1", broker.tcpPort());
        closing.add(proxy);
        String ts = startSparkplug(proxy.port());
        List<String> seen = watchState();
        await(() -> !seen.isEmpty());
        seen.clear();

        driver.reconfigure(sparkplugLine(proxy.port(), hostId, "20"));
        await(() -> seen.stream().anyMatch(m -> m.startsWith("{\"online\":true")));
        String birth = seen.stream().filter(m -> m.startsWith("{\"online\":true")).reduce((a, b) -> b).orElseThrow();
        String ts2 = birth.replaceAll(".*\"timestamp\":(\\d+).*", "$1");
        assertTrue(Long.parseLong(ts2) >= Long.parseLong(ts), seen.toString());

        seen.clear();
        proxy.cut(); // no DISCONNECT: the broker publishes the will
        await(() -> seen.stream().anyMatch(m -> m.startsWith("{\"online\":false")));
        String death = seen.stream().filter(m -> m.startsWith("{\"online\":false")).findFirst().orElse("none");
        assertEquals("{\"online\":false,\"timestamp\":" + ts2 + "}", death.replace(" retained", "")
                .replace(" qos1", ""), "the will's timestamp is the birth's: " + seen);
    }

    /** A broker that swallows everything: the goodbye delays the reload only a bounded time. */
    @Test
    void theGoodbyeBeforeTheReloadIsBoundedWhenTheBrokerNeverAnswers() throws Exception {
        TcpProxy proxy = TcpProxy.start("127.0.0.1", broker.tcpPort());
        closing.add(proxy);
        startSparkplug(proxy.port());
        proxy.halfOpen(); // the socket stays open, nothing arrives, nothing is answered
        long t0 = System.nanoTime();
        driver.reconfigure(textLine(proxy.port()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 4000, "the reload took " + ms + " ms with a broker that never answers");
        System.out.println("SparkplugPayloadTypeChangeIT: a reload against a silent broker took " + ms + " ms");
    }

    /** Everything published on the host's STATE topic from now on, as "payload [retained] qosN". */
    private List<String> watchState() throws Exception {
        return watchState(hostId);
    }

    private List<String> watchState(String id) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttClient w = new MqttClient(broker.tcpUri(), "spt-watch-" + System.nanoTime(), new MemoryPersistence());
        w.connect();
        w.subscribe("spBv1.0/STATE/" + id, 1, (t, m) -> seen.add(new String(m.getPayload(), StandardCharsets.UTF_8)
                + (m.isRetained() ? " retained" : "") + " qos" + m.getQos()));
        closing.add(() -> {
            w.disconnect();
            w.close();
        });
        return seen;
    }

    private static void await(BooleanSupplier ok) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!ok.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }
}

package org.scadamqtt.mqtt.profiles.wegnology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.RecordingContext;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.testsupport.EmbeddedHiveMq;

/**
 * The WEGnology profile through the whole driver and a real broker: a platform-side client
 * measures the state messages with its own clock and sends commands.
 */
class WegnologyHiveMqIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long WINDOW_NANOS = Duration.ofSeconds(15).toNanos();

    /** One state message as the platform's side saw it. */
    record Arrival(long nanos, String topic, JsonNode message) {
    }

    @TempDir
    Path dir;

    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private MqttClient platform;
    private RecordingContext host;
    private MqttDriver driver;
    private String dev;

    @BeforeEach
    void setUp() throws Exception {
        EmbeddedHiveMq broker = EmbeddedHiveMq.get();
        dev = "wn" + Long.toHexString(System.nanoTime());
        platform = new MqttClient(broker.tcpUri(), "platform-" + dev, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        platform.connect(o);
        ObjectMapper json = new ObjectMapper();
        // everything the line publishes, whatever the topic (the platform's own commands left out): the limits
        // count every message of the connection, not only state messages
        platform.subscribe("#", 1, (topic, m) -> {
            if (topic.contains(dev) && !topic.endsWith("/command") && !topic.startsWith("elsewhere/")) {
                arrivals.add(new Arrival(System.nanoTime(), topic, topic.endsWith("/state")
                        ? json.readTree(m.getPayload()) : null));
            }
        });
        host = new RecordingContext(dir);
        LineConfig line = TestConfigs.line("WN", List.of("tcp://127.0.0.1"), broker.tcpPort(), params(
                "payloadType", "WEGnology", "clientId", dev, "userName", "key", "password", "secret",
                "cleanSession", "YES", "subscribeQos", "QoS_1", "publishQos", "QoS_1",
                "timeFieldName", "time.$date", "timeMask", "ISO8601", "ignoreMissingTime", "YES",
                "replyTimeout", "30", "wegnologyCoalesce", "0"),
                station("Dev", "wnology/" + dev + "/command", params(),
                        tag("cmd", "TxtI", "JA=name"),
                        tag("setpoint", "Ai", "JA=payload.value"),
                        tag("temp", "Ao", "STATE=temperature"),
                        tag("running", "Do", "STATE=running")),
                station("Peripheral", "wnology/" + dev + "-p/command", params("wegnologyDeviceId", dev + "-p"),
                        tag("level", "Co", "STATE=level")),
                station("Rest", ".*", params(), tag("rest_topic", "TxtI", "IN_TOPIC")));
        // no topicFilter: the line subscribes wnology/<dev>/command and wnology/<dev>-p/command itself
        driver = new MqttDriver(line, host, new PahoSessionFactory());
        driver.start();
        long end = System.nanoTime() + WAIT.toNanos();
        while (driver.status().state() != LineState.CONNECTED) {
            assertTrue(System.nanoTime() < end, "line did not connect: " + driver.status());
            Thread.sleep(50);
        }
        Thread.sleep(300);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        platform.disconnect(2000);
        platform.close();
    }

    /** The most messages any 15 s window of the subscriber's clock holds, of one topic (null: all). */
    private int mostInAWindow(String topic) {
        List<Long> t = arrivals.stream().filter(a -> topic == null || a.topic().equals(topic)).map(Arrival::nanos)
                .sorted().toList();
        int most = 0;
        for (int i = 0, j = 0; i < t.size(); i++) {
            while (t.get(i) - t.get(j) >= WINDOW_NANOS) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    @Test
    void aBurstOfAHundredWritesStaysWithinTheLimitsAndEveryWriteCompletes() throws Exception {
        List<CompletableFuture<WriteResult>> writes = new ArrayList<>();
        long[] took = new long[100];
        Map<String, Object> last = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            String tag = i % 3 == 0 ? "temp" : i % 3 == 1 ? "running" : "level";
            Object value = tag.equals("temp") ? 20.0 + i : tag.equals("running") ? (Object) (i % 2 == 0) : (long) i;
            last.put(tag, value);
            long start = System.nanoTime();
            int n = i;
            writes.add(driver.write(tag, value).toCompletableFuture().whenComplete((r, e) ->
                    took[n] = System.nanoTime() - start));
            Thread.sleep(i < 40 ? 0 : 60); // 40 at once, then one every 60 ms: 200 messages/min unlimited
        }
        long slowest = 0;
        for (int i = 0; i < writes.size(); i++) {
            WriteResult r = writes.get(i).get(30, TimeUnit.SECONDS);
            assertTrue(r.ok(), "write " + i + ": " + r.message());
            slowest = Math.max(slowest, took[i]);
        }
        Thread.sleep(1000); // the last messages reach the subscriber
        String a = "wnology/" + dev + "/state";
        String p = "wnology/" + dev + "-p/state";
        int perTopic = Math.max(mostInAWindow(a), mostInAWindow(p));
        System.out.printf("WegnologyHiveMqIT: 100 writes in %d ms became %d state messages (%s: %d, %s: %d); most in "
                + "a 15 s window: %d per topic, %d in all; slowest write %d ms%n", (System.nanoTime() - t0) / 1_000_000,
                arrivals.size(), a, arrivals.stream().filter(x -> x.topic().equals(a)).count(), p,
                arrivals.stream().filter(x -> x.topic().equals(p)).count(), perTopic, mostInAWindow(null),
                slowest / 1_000_000);
        assertTrue(perTopic <= 30, "per topic: " + perTopic);
        assertTrue(mostInAWindow(null) <= 300, "per connection: " + mostInAWindow(null));
        // every message of the line passed the limiter: state messages only (OUT_VALUE is refused at load)
        assertTrue(arrivals.stream().allMatch(x -> x.topic().equals(a) || x.topic().equals(p)),
                arrivals.stream().map(Arrival::topic).distinct().toList().toString());
        assertTrue(arrivals.size() < 100 && arrivals.size() >= 4, "coalesced, yet more than one message: "
                + arrivals.size());
        JsonNode lastA = arrivals.stream().filter(x -> x.topic().equals(a)).reduce((x, y) -> y).orElseThrow().message();
        JsonNode lastP = arrivals.stream().filter(x -> x.topic().equals(p)).reduce((x, y) -> y).orElseThrow().message();
        assertEquals((Double) last.get("temp"), lastA.at("/data/temperature").doubleValue(), lastA.toString());
        assertEquals(last.get("running"), lastA.at("/data/running").booleanValue(), lastA.toString());
        assertEquals(last.get("level"), lastP.at("/data/level").longValue(), lastP.toString());
        Instant stamped = Instant.parse(lastA.at("/time/$date").asText());
        assertTrue(Duration.between(stamped, Instant.now()).abs().toSeconds() < 60, lastA.toString());
    }

    @Test
    void commandsReachTheirTagsWithTheirOwnTimeInEachForm() throws Exception {
        String topic = "wnology/" + dev + "/command";
        // the line subscribed its command topics, not the default # (which WEGnology refuses): a message
        // published before the first command on another topic never reaches the catch-all station
        platform.publish("elsewhere/" + dev, "{}".getBytes(StandardCharsets.UTF_8), 1, false);
        platform.publish(topic, ("{\"name\":\"set\",\"payload\":{\"value\":21.5},\"time\":{\"$date\":"
                + "\"2024-05-01T10:00:00.123Z\"}}").getBytes(StandardCharsets.UTF_8), 1, false);
        RecordingContext.Batch b = host.awaitBatch("Dev", x -> x.tags().contains("setpoint")
                && Double.valueOf(21.5).equals(x.get("setpoint").value().value()), WAIT);
        assertEquals("set", b.get("cmd").value().value());
        assertEquals(Instant.parse("2024-05-01T10:00:00.123Z"), b.get("setpoint").value().sourceTime());

        platform.publish(topic, "{\"name\":\"set\",\"payload\":{\"value\":22},\"time\":1714557600456}"
                .getBytes(StandardCharsets.UTF_8), 1, false);
        b = host.awaitBatch("Dev", x -> x.tags().contains("setpoint")
                && Double.valueOf(22).equals(x.get("setpoint").value().value()), WAIT);
        assertEquals(Instant.parse("2024-05-01T10:00:00.456Z"), b.get("setpoint").value().sourceTime());

        platform.publish(topic, "{\"name\":\"set\",\"payload\":{\"value\":23},\"time\":1714557600}"
                .getBytes(StandardCharsets.UTF_8), 1, false);
        b = host.awaitBatch("Dev", x -> x.tags().contains("setpoint")
                && Double.valueOf(23).equals(x.get("setpoint").value().value()), WAIT);
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), b.get("setpoint").value().sourceTime());
        assertTrue(host.batches("Rest").stream().noneMatch(x -> x.tags().contains("rest_topic")
                && x.get("rest_topic").value().value() != null),
                "the line subscribed only its command topics: " + host.batches("Rest"));
    }
}

package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.host.config.ConfigFiles;
import org.scadamqtt.host.discover.ListeningContext;
import org.scadamqtt.host.plugin.DriverRegistry;
import org.scadamqtt.host.sim.SparkplugEdgeSim;
import org.scadamqtt.tag.TagValue;
import org.scadamqtt.testsupport.EmbeddedHiveMq;

/**
 * {@code scada-host discover} against a real broker and the simulated Sparkplug edge node, born
 * before discovery starts: the line's rebirth request brings its births, the fragment names every
 * metric, the loader accepts it inside the line and a driver binds its tags.
 */
class DiscoverIT {

    @TempDir
    Path dir;

    private String config(EmbeddedHiveMq broker, String hostId, String stations) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <scada xmlns="urn:scada-mqtt:config:1">
                  <line name="SP" protocol="mqtt">
                    <host>127.0.0.1</host>
                    <port>%d</port>
                    <param name="topicFilter">spBv1.0/#</param>
                    <param name="subscribeQos">QoS_1</param>
                    <param name="cleanSession">YES</param>
                    <param name="payloadType">SparkplugB</param>
                    <param name="clientId">discover-it-%s</param>
                    <param name="sparkplugHostId">%s</param>
                    <param name="sparkplugRebirthInterval">1</param>
                %s
                  </line>
                </scada>
                """.formatted(broker.tcpPort(), hostId, hostId, stations);
    }

    @Test
    void birthsBecomeStationsAndTagsTheLoaderAcceptsAndADriverBinds() throws Exception {
        EmbeddedHiveMq broker = EmbeddedHiveMq.get();
        String hostId = "h" + Long.toHexString(System.nanoTime());
        List<String> state = new CopyOnWriteArrayList<>();
        MqttClient watch = new MqttClient(broker.tcpUri(), "discover-watch-" + hostId, new MemoryPersistence());
        watch.connect();
        watch.subscribe("spBv1.0/STATE/" + hostId, 1, (t, m) -> state.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (SparkplugEdgeSim sim = SparkplugEdgeSim.start(broker.tcpUri(), Clock.systemUTC())) {
            ticker.scheduleAtFixedRate(sim::tick, 200, 200, TimeUnit.MILLISECONDS);
            Path cfg = dir.resolve("sp.xml");
            Files.writeString(cfg, config(broker, hostId, ""));
            Path found = dir.resolve("found.xml");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.execute(new String[] {"discover", cfg.toString(), "--seconds", "4", "-o", found.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String said = err.toString(StandardCharsets.UTF_8);
            assertEquals(ExitCodes.OK, code, said);
            String xml = Files.readString(found);
            assertTrue(xml.contains("<station name=\"SIMEDGE\" address=\"Demo/SimEdge\">"), xml);
            assertTrue(xml.contains("<station name=\"SIMEDGE_PUMP1\" address=\"Demo/SimEdge/Pump1\">"), xml);
            assertTrue(xml.contains("address=\"SP=Firmware\" description=\"Sparkplug String\""), xml);
            assertTrue(xml.contains("type=\"Ci\" address=\"SP=Uptime\""), xml);
            assertTrue(xml.contains("type=\"TxtI\" address=\"SP=Firmware\""), xml);
            assertTrue(!xml.contains("SP=bdSeq"), xml);
            assertEquals(List.of(), state, "discovery never speaks as the primary host");

            // the fragment pasted into the line: the loader accepts it and the driver fills its tags
            Files.writeString(cfg, config(broker, hostId + "b", xml));
            try (DriverRegistry registry = DriverRegistry.load(DiscoverIT.class.getClassLoader(), null)) {
                ScadaConfig loaded = ConfigFiles.load(cfg, registry.catalog());
                LineConfig line = loaded.lines().get(0);
                assertTrue(line.stations().size() >= 2, line.stations().toString());
                Map<String, TagValue> values = new ConcurrentHashMap<>();
                Driver driver = registry.provider("mqtt").orElseThrow().create(line, recording(values));
                driver.start();
                try {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (!(good(values, "SIMEDGE_UPTIME") && good(values, "SIMEDGE_FIRMWARE"))
                            && System.nanoTime() < end) {
                        Thread.sleep(50);
                    }
                    assertTrue(good(values, "SIMEDGE_UPTIME"), values.toString());
                    assertEquals("sim-1.0", values.get("SIMEDGE_FIRMWARE").value());
                } finally {
                    driver.stop();
                }
            }
        } finally {
            ticker.shutdownNow();
            watch.disconnect();
            watch.close();
        }
    }

    private static boolean good(Map<String, TagValue> values, String tag) {
        TagValue v = values.get(tag);
        return v != null && v.isGood();
    }

    private DriverContext recording(Map<String, TagValue> values) {
        return new ListeningContext(dir, "discover-it", (station, batch) -> batch.forEach(u -> values.put(u.tag(),
                u.value())), status -> { });
    }
}

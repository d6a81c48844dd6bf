package org.scadamqtt.mqtt.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.xml.ConfigLoader;
import org.scadamqtt.tag.TagType;

/** Every configuration in sample-config/ loads with the mqtt rules without a single problem. */
class SampleConfigTest {

    static final Path SAMPLES = Path.of("..", "sample-config");
    private static final ConfigLoader LOADER = new ConfigLoader(MqttProtocolRules.catalog());

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleLoadsClean() throws IOException {
        List<Path> files = samples();
        assertTrue(files.size() >= 3, "expected demo.xml, mosquitto.xml, minimal.xml in " + SAMPLES.toAbsolutePath());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            try {
                ScadaConfig c = LOADER.load(f);
                assertFalse(c.lines().isEmpty());
            } catch (ConfigException e) {
                fail(e.getMessage());
            }
        }));
    }

    @Test
    void demoHasTheStationsTheOtherToolsRelyOn() throws Exception {
        ScadaConfig c = LOADER.load(SAMPLES.resolve("demo.xml"));
        LineConfig demo = c.lines().get(0);
        assertEquals("DEMO", demo.name());
        assertEquals(List.of("embedded"), demo.hosts());
        assertEquals("JSON", demo.parameters().text("payloadType"));
        assertEquals(List.of("plant/line1/meter1", "plant/line1/meter2", "plant/line2/.*",
                "plant/line1/gateway/status", "cmd/line1", ".*"),
                demo.stations().stream().map(StationConfig::address).toList());
        StationConfig meter1 = demo.station("METER1").orElseThrow();
        assertTrue(meter1.tags().stream().anyMatch(t -> t.address().equals("JA=rx.values[2]")));
        assertEquals(TagType.Ci, meter1.tags().stream().filter(t -> t.address().equals("IN_ID")).findFirst()
                .orElseThrow().type());
        assertEquals("plant/line1/gateway/status", demo.station("GATEWAY").orElseThrow().parameters().text("SWT"));
        LineConfig ttn = c.lines().get(1);
        assertEquals("ISO8601", ttn.parameters().text("timeMask"));
        assertEquals("lorawan.received_at", ttn.parameters().text("timeFieldName"));
    }

    @Test
    void mosquittoSampleIsTheDemoOnALocalBroker() throws Exception {
        ScadaConfig demo = LOADER.load(SAMPLES.resolve("demo.xml"));
        ScadaConfig mosquitto = LOADER.load(SAMPLES.resolve("mosquitto.xml"));
        assertEquals(List.of("127.0.0.1"), mosquitto.lines().get(0).hosts());
        assertEquals(1883, mosquitto.lines().get(0).port());
        for (int i = 0; i < demo.lines().size(); i++) {
            assertEquals(demo.lines().get(i).stations().stream().map(s -> s.name() + s.address() + s.tags().size())
                    .toList(), mosquitto.lines().get(i).stations().stream()
                    .map(s -> s.name() + s.address() + s.tags().size()).toList());
        }
    }
}

package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scadamqtt.mqtt.DriverHarness.WAIT;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.xml.ConfigLoader;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.mqtt.internal.config.MqttProtocolRules;

/**
 * Replays the table of "A complete example to copy" in docs/routing-and-addresses.md on the
 * configuration shown there (loaded from the page itself).
 */
class RoutingDocExampleTest {

    @TempDir
    Path dir;

    /** topic, payload, station of line SITE that gets it, its data (or topic) tag and value. */
    private static final List<List<String>> SITE = List.of(
            List.of("status/battery", "87", "BATT_EXACT", "BATT_EXACT_DATA", "87"),
            List.of("status/batt2", "3.6", "BATT_ANY", "BATT_ANY_DATA", "3.6"),
            List.of("status/temp", "21", "STATUS_ANY", "STATUS_ANY_DATA", "21"),
            List.of("alarm/1", "high", "REST", "REST_TOPIC", "alarm/1"));

    private static ScadaConfig docConfig() throws Exception {
        DocsExamples.Example e = DocsExamples.example("routing-and-addresses.md", "name=\"SITE\"");
        return new ConfigLoader(MqttProtocolRules.catalog()).load(e.xml(), e.where());
    }

    private static LineConfig line(String name) throws Exception {
        return docConfig().lines().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the example has no line " + name));
    }

    private static int valueBatches(RecordingContext host, String station) {
        // the first batch of every station is the NOT_INITIALIZED one
        return host.batches(station).size() - 1;
    }

    @Test
    void eachTopicReachesExactlyTheDocumentedStationOfLineSite() throws Exception {
        LineConfig site = line("SITE");
        try (DriverHarness h = new DriverHarness(site, dir).startConnected()) {
            for (String st : List.of("BATT_EXACT", "BATT_ANY", "STATUS_ANY", "REST")) {
                h.host.awaitState(st, StationState.StON, WAIT);
            }
            for (List<String> c : SITE) {
                h.session.deliver(c.get(0), c.get(1), 1, 1);
                h.host.awaitBatch(c.get(2), b -> b.tags().contains(c.get(3))
                        && c.get(4).equals(b.get(c.get(3)).value().value()), WAIT);
            }
            h.host.awaitBatch("STATUS_ANY", b -> b.tags().contains("STATUS_ANY_TOPIC")
                    && "status/temp".equals(b.get("STATUS_ANY_TOPIC").value().value()), WAIT);
            // one station per message: each station got exactly its own one
            for (String st : List.of("BATT_EXACT", "BATT_ANY", "STATUS_ANY", "REST")) {
                assertEquals(1, valueBatches(h.host, st), st + ": " + h.host.batches(st));
            }
            assertEquals(0, h.driver.statistics().snapshot().unrouted());
        }
    }

    @Test
    void withoutTheRestStationAlarmIsUnroutedCountedAndAcknowledged() throws Exception {
        LineConfig full = line("SITE");
        LineConfig noRest = full.withStations(full.stations().stream().filter(s -> !s.address().equals(".*")).toList());
        try (DriverHarness h = new DriverHarness(noRest, dir).startConnected()) {
            var m = h.session.deliver("alarm/1", "high", 1, 9);
            assertEquals(1, h.driver.statistics().snapshot().unrouted());
            assertEquals(List.of(m), h.session.acks);
        }
    }

    @Test
    void theHashStationOfLineLoggerTakesEveryMessage() throws Exception {
        LineConfig logger = line("LOGGER");
        try (DriverHarness h = new DriverHarness(logger, dir).startConnected()) {
            h.host.awaitState("EVERYTHING", StationState.StON, WAIT);
            Map<String, String> sent = Map.of("status/battery", "87", "status/batt2", "3.6", "status/temp", "21",
                    "alarm/1", "high");
            for (List<String> c : SITE) {
                h.session.deliver(c.get(0), c.get(1), 0, 0);
            }
            List<RecordingContext.Batch> b = h.host.awaitBatches("EVERYTHING", 1 + SITE.size(), WAIT);
            for (int i = 0; i < SITE.size(); i++) {
                String topic = SITE.get(i).get(0);
                assertEquals(topic, b.get(i + 1).get("EVERYTHING_TOPIC").value().value());
                assertEquals(sent.get(topic), b.get(i + 1).get("EVERYTHING_DATA").value().value());
            }
        }
    }
}

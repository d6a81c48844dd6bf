package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.testsupport.Await.waitFor;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.host.broker.EmbeddedBroker;
import org.scadamqtt.host.tags.StationEntry;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.Quality;

/**
 * Issue 11, "docs agree with the program": what docs/host.md and docs/http-api.md show is what a
 * real host (embedded HiveMQ, the MQTT driver) does: the data folder layout
 * {@code <dir>/PLANT/mqtt-PLANT/} for a line keeping its session, a message without its time field
 * is GOOD (console.md said UNCERTAIN), and the reasons a station switched OFF by the operator and
 * its tags report.
 */
@Timeout(120)
class DocsAgreeWithHostIT {

    private static final Path DOCS = Path.of("..", "docs");

    @TempDir
    Path tmp;

    @Test
    void dataFolderLayoutAndStationOffReasonsAreTheDocumentedOnes() throws Exception {
        Path config = tmp.resolve("plant.xml");
        Files.writeString(config, """
                <scada xmlns="urn:scada-mqtt:config:1">
                  <line name="PLANT" protocol="mqtt">
                    <host>embedded</host>
                    <param name="payloadType">JSON</param>
                    <param name="topicFilter">plant/#</param>
                    <param name="cleanSession">NO</param>
                    <param name="timeFieldName">ts</param>
                    <param name="timeMask">ISO8601</param>
                    <station name="VALVE" address="plant/valve">
                      <tag name="VALVE_POS" type="Ai" address="JA=pos"/>
                    </station>
                  </line>
                </scada>
                """);
        Path data = tmp.resolve("data");
        HostOptions options = new HostOptions(config, null, data, EmbeddedBroker.freePort(), "127.0.0.1", 0, null,
                ConsoleKind.none, 0);
        try (HostRuntime rt = HostRuntime.start(options, new PrintStream(OutputStream.nullOutputStream()))) {
            waitFor(30, "PLANT connected", () -> rt.table().lines().stream()
                    .allMatch(l -> l.status().state() == LineState.CONNECTED));

            assertTrue(Files.isDirectory(data.resolve("PLANT").resolve("mqtt-PLANT")),
                    "the line's session is kept in <dir>/PLANT/mqtt-PLANT/");
            String host = Files.readString(DOCS.resolve("host.md"));
            assertTrue(host.contains("| `<line name>/mqtt-<line name>/` |"), "docs/host.md shows the layout");

            // a message without its time field: GOOD with the receive time (D2000), as console.md says
            MqttClient pub = new MqttClient(rt.broker().uri(), "docs-" + UUID.randomUUID(), new MemoryPersistence());
            try {
                pub.connect();
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!tag(rt).value().isGood() && System.nanoTime() < end) {
                    pub.publish("plant/valve", "{\"pos\":5}".getBytes(StandardCharsets.UTF_8), 1, false);
                    Thread.sleep(500);
                }
                pub.disconnect();
            } finally {
                pub.close();
            }
            assertEquals(Quality.GOOD, tag(rt).value().quality(), tag(rt).value().toString());
            String uncertainRow = Files.readString(DOCS.resolve("console.md")).lines()
                    .filter(l -> l.startsWith("| `UNCERTAIN` |")).findFirst().orElseThrow();
            assertTrue(uncertainRow.contains("stays `GOOD` with the receive time"), uncertainRow);

            rt.table().control("VALVE", StationControl.OFF);
            waitFor(30, "VALVE off", () -> station(rt).state() == StationState.StOFF);
            String stationReason = station(rt).reason();
            waitFor(30, "VALVE_POS off", () -> tag(rt).value().detail() != null
                    && tag(rt).value().detail().contains("switched off"));
            String tagReason = tag(rt).value().detail();
            assertEquals("set OFF by the host", stationReason);
            assertEquals("station VALVE is switched off (StOFF)", tagReason);
            String api = Files.readString(DOCS.resolve("http-api.md"));
            assertTrue(api.contains("\"state\":\"StOFF\",\"reason\":\"" + stationReason + "\""),
                    "docs/http-api.md shows the station reason the host gives: " + stationReason);
            String tags = Files.readString(DOCS.resolve("stations-and-tags.md"));
            assertTrue(tags.contains("`" + tagReason.replace("VALVE", "<name>") + "`"),
                    "docs/stations-and-tags.md shows the tag reason: " + tagReason);
        }
    }

    private static StationEntry station(HostRuntime rt) {
        return rt.table().stations().stream().filter(s -> s.name().equals("VALVE")).findFirst().orElseThrow();
    }

    private static TagEntry tag(HostRuntime rt) {
        return rt.table().tag("VALVE_POS").orElseThrow();
    }
}

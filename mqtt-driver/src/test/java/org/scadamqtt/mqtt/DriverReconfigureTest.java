package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.DriverHarness.WAIT;
import static org.scadamqtt.mqtt.TestConfigs.line;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.StationState;

/** Station and tag changes take effect for the next message; unchanged stations keep their worker. */
class DriverReconfigureTest {

    @TempDir
    Path dir;

    @Test
    void changedStationGetsNewTagsAndUnchangedStationKeepsItsState() {
        LineConfig v1 = line("L1", List.of("localhost"), params("payloadType", "JSON"),
                station("A", "dev/a", params(), tag("a_v", "Ai", "JA=v")),
                station("B", "dev/b", params(), tag("b_d", "TxtI", "IN_DATA")));
        LineConfig v2 = line("L1", List.of("localhost"), params("payloadType", "JSON"),
                station("A", "dev/a", params(), tag("a_v", "Ai", "JA=w")),
                station("B", "dev/b", params(), tag("b_d", "TxtI", "IN_DATA")),
                station("C", "dev/c", params(), tag("c_d", "TxtI", "IN_DATA")));
        try (DriverHarness h = new DriverHarness(v1, dir).startConnected()) {
            h.host.awaitState("B", StationState.StON, WAIT);
            var workerB = h.driver.station("B").orElseThrow();
            h.driver.reconfigure(v2);
            assertSame(v2, h.session.reconfigured);
            assertSame(workerB, h.driver.station("B").orElseThrow());
            h.host.awaitState("C", StationState.StON, WAIT);
            h.session.deliver("dev/a", "{\"w\": 4}", 0, 0);
            h.host.awaitBatch("A", b -> b.get("a_v").value().isGood(), WAIT);
            h.session.deliver("dev/c", "new", 0, 0);
            RecordingContext.Batch c = h.host.awaitBatch("C", b -> b.get("c_d").value().isGood(), WAIT);
            assertEquals("new", c.get("c_d").value().value());
            assertEquals(StationState.StON, h.host.state("A"), "the replaced worker of A reports nothing");
            assertTrue(h.host.states("A").stream().noneMatch(s -> s.state() == StationState.StOFF));

            // issue 10 item 6: a removed station goes without touching the others
            LineConfig v3 = line("L1", List.of("localhost"), params("payloadType", "JSON"),
                    station("A", "dev/a", params(), tag("a_v", "Ai", "JA=w")),
                    station("B", "dev/b", params(), tag("b_d", "TxtI", "IN_DATA")));
            h.driver.reconfigure(v3);
            assertTrue(h.driver.station("C").isEmpty(), "the removed station has no worker");
            assertSame(workerB, h.driver.station("B").orElseThrow(), "B untouched");
            long unrouted = h.driver.statistics().snapshot().unrouted();
            h.session.deliver("dev/c", "gone", 0, 0);
            assertEquals(unrouted + 1, h.driver.statistics().snapshot().unrouted(), "dev/c now reaches no station");
            h.session.deliver("dev/b", "still", 0, 0);
            RecordingContext.Batch b = h.host.awaitBatch("B", x -> x.tags().contains("b_d")
                    && "still".equals(x.get("b_d").value().value()), WAIT);
            assertEquals("still", b.get("b_d").value().value());
        }
    }
}

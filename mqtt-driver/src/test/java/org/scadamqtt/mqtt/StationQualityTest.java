package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.scadamqtt.driver.StationDiagnostics;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;

/** Staleness, time-field counting and per-station diagnostics. */
class StationQualityTest {

    @TempDir
    Path dir;

    private static LineConfig config() {
        return line("L", List.of("h"), params("payloadType", "JSON", "timeFieldName", "ts", "timeMask", "UNIX"),
                station("FAST", "dev/fast", params("staleAfter", "0.3"), tag("f_v", "Ai", "JA=v"),
                        tag("f_out", "TxtO", "OUT_TOPIC"), tag("f_val", "TxtO", "OUT_VALUE")),
                station("SLOW", "dev/slow", params(), tag("s_v", "Ai", "JA=v")));
    }

    @Test
    void aValueNotRefreshedWithinStaleAfterBecomesUncertainAndTheNextMessageMakesItGood() throws Exception {
        try (DriverHarness h = new DriverHarness(config(), dir).startConnected()) {
            h.host.awaitState("FAST", StationState.StON, WAIT);
            h.session.deliver("dev/fast", "{\"v\": 1, \"ts\": 1700000000}", 0, 0);
            h.session.deliver("dev/slow", "{\"v\": 2, \"ts\": 1700000000}", 0, 0);
            h.host.awaitBatch("FAST", b -> b.tags().contains("f_v") && b.get("f_v").value().isGood(), WAIT);
            RecordingContext.Batch stale = h.host.awaitBatch("FAST", b -> b.tags().contains("f_v")
                    && b.get("f_v").value().reason() == Reason.STALE, WAIT);
            assertEquals(Quality.UNCERTAIN, stale.get("f_v").value().quality());
            assertEquals(1.0, stale.get("f_v").value().value(), "the value is kept for display");
            assertTrue(stale.get("f_v").value().detail().contains("staleAfter 0.3 s"), stale.toString());
            assertEquals(List.of("f_v"), stale.tags(), "output tags are never stale");
            h.session.deliver("dev/fast", "{\"v\": 3, \"ts\": 1700000001}", 0, 0);
            h.host.awaitBatch("FAST", b -> b.tags().contains("f_v") && b.get("f_v").value().isGood()
                    && Double.valueOf(3.0).equals(b.get("f_v").value().value()), WAIT);
            Thread.sleep(500);
            assertTrue(h.host.batches("SLOW").stream().noneMatch(b -> b.tags().contains("s_v")
                    && b.get("s_v").value().reason() == Reason.STALE), "staleAfter is off by default");
        }
    }

    @Test
    void messagesWithoutTheTimeFieldStayGoodAndAreCountedPerStation() {
        try (DriverHarness h = new DriverHarness(config(), dir).startConnected()) {
            h.host.awaitState("SLOW", StationState.StON, WAIT);
            h.session.deliver("dev/slow", "{\"v\": 1}", 0, 0);
            h.session.deliver("dev/slow", "{\"v\": 2, \"ts\": \"yesterday\"}", 0, 0);
            h.session.deliver("dev/slow", "{\"v\": 3, \"ts\": 1700000000}", 0, 0);
            h.session.deliver("dev/slow", "not json", 0, 0);
            RecordingContext.Batch last = h.host.awaitBatch("SLOW", b -> b.tags().contains("s_v")
                    && b.get("s_v").value().reason() == Reason.PAYLOAD_ERROR, WAIT);
            assertTrue(h.host.batches("SLOW").stream().filter(b -> b.tags().contains("s_v")
                    && b.get("s_v").value().value() != null).allMatch(b -> b.get("s_v").value().isGood()),
                    "a missing or unreadable time keeps the value valid (D2000)");
            StationDiagnostics d = h.driver.stationDiagnostics().get("SLOW");
            assertEquals(4, d.messages());
            assertEquals(2, d.timeMissing(), "missing and unreadable time fields");
            assertEquals(1, d.badPayloads());
            assertTrue(d.lastError().contains("not valid"), d.lastError());
            assertEquals(0, h.driver.stationDiagnostics().get("FAST").messages(), "counted per station");
            assertTrue(last.get("s_v").value().detail().contains("not valid JSON"));
        }
    }
}

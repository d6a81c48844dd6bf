package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.DriverHarness.WAIT;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.SourceLocation;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.config.TagDisplay;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;

/** Output tags with a configured default (issue 10 item 5): OUT_TOPIC works from the start. */
class DriverDefaultValueTest {

    @TempDir
    Path dir;

    private static LineConfig config() {
        TagConfig topic = new TagConfig("cmd_topic", TagType.TxtO, "OUT_TOPIC", SourceLocation.NONE, TagDisplay.NONE,
                "plant/valve/cmd");
        TagConfig value = new TagConfig("cmd_value", TagType.TxtO, "OUT_VALUE", SourceLocation.NONE, TagDisplay.NONE,
                null);
        StationConfig st = TestConfigs.station("V", "plant/valve", TestConfigs.params());
        st = new StationConfig(st.name(), st.address(), st.initialState(), st.parameters(), List.of(topic, value),
                st.location());
        return TestConfigs.line("L", List.of("h"), TestConfigs.params(), st);
    }

    @Test
    void aDefaultOutTopicIsUsedWithoutBeingWrittenAfterEveryStart() throws Exception {
        try (DriverHarness h = new DriverHarness(config(), dir).startConnected()) {
            h.host.awaitState("V", StationState.StON, WAIT);
            RecordingContext.Batch first = h.host.batches("V").get(0);
            assertEquals(Quality.GOOD, first.get("cmd_topic").value().quality(), "the default is the value from start");
            assertEquals("plant/valve/cmd", first.get("cmd_topic").value().value());
            assertEquals(Reason.NOT_INITIALIZED, first.get("cmd_value").value().reason());
            assertTrue(h.session.published.isEmpty(), "a default is not published");
            CompletableFuture<WriteResult> w = h.driver.write("cmd_value", "OPEN").toCompletableFuture();
            long end = System.currentTimeMillis() + 2000;
            while (h.session.published.isEmpty() && System.currentTimeMillis() < end) {
                Thread.sleep(5);
            }
            assertEquals("plant/valve/cmd", h.session.published.get(0).topic());
            h.session.published.get(0).result().complete(null);
            assertTrue(w.get(2, TimeUnit.SECONDS).ok());
            assertTrue(h.write("cmd_topic", "plant/valve/other").ok(), "a write still replaces the default");
        }
    }
}

package org.scadamqtt.mqtt.internal.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.mqtt.TestConfigs;

class WillMatcherTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void topicMustMatchExactlyAndPayloadOnlyWhenSwpIsSet() {
        LineConfig line = TestConfigs.line("L", List.of("h"), TestConfigs.params(),
                TestConfigs.station("A", "a", TestConfigs.params("SWT", "dev/status", "SWP", "offline")),
                TestConfigs.station("B", "b", TestConfigs.params("SWT", "dev/status")),
                TestConfigs.station("C", "c", TestConfigs.params()));
        WillMatcher w = WillMatcher.of(line.stations(),
                line.stations().stream().map(s -> StationSettings.of(line, s)).toList());
        assertEquals(List.of("A", "B"), w.match("dev/status", b("offline")));
        assertEquals(List.of("B"), w.match("dev/status", b("online")));
        assertTrue(w.match("dev/status/x", b("offline")).isEmpty());
        assertTrue(w.match("dev/+", b("offline")).isEmpty(), "SWT is a topic, not a filter");
    }
}

package org.scadamqtt.host.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.host.tags.TagTable;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

class ConsolesTest {

    private static final Instant T = Instant.parse("2024-05-01T12:00:00.250Z");

    private static TagTable table() {
        StationConfig st = new StationConfig("A_STATION_WITH_A_VERY_LONG_NAME", "plant/#", InitialState.ON, null,
                List.of(new TagConfig("A_TAG_NAME_THAT_IS_FAR_TOO_LONG_FOR_THE_TABLE", TagType.TxtI, "IN_DATA", null),
                        new TagConfig("POWER", TagType.Ai, "JA=power.active", null)), null);
        LineConfig line = new LineConfig("LINE_WITH_A_LONG_NAME", "mqtt", List.of("tcp://a-very-long-broker-name.example.com:1883"),
                1883, null, List.of(st), null);
        return new TagTable(new ScadaConfig("t", List.of(line)));
    }

    @Test
    void everyTtyLineFitsEightyColumns() {
        TagTable t = table();
        t.contextFor("LINE_WITH_A_LONG_NAME", Path.of("."), "h").publish("A_STATION_WITH_A_VERY_LONG_NAME", List.of(
                new TagUpdate("A_TAG_NAME_THAT_IS_FAR_TOO_LONG_FOR_THE_TABLE",
                        TagValue.good(TagType.TxtI, "x".repeat(300), T, T)),
                new TagUpdate("POWER", TagValue.good(TagType.Ai, 12.0, T, T))));
        TtyConsole c = TtyConsole.start(t, new PrintStream(new ByteArrayOutputStream()), "web console: http://127.0.0.1:8080/");
        try {
            String screen = c.render();
            for (String line : screen.split("\n")) {
                assertTrue(line.length() <= 80, "too wide (" + line.length() + "): " + line);
            }
            assertTrue(screen.contains("POWER"), screen);
            assertTrue(screen.contains("12 "), "whole doubles print without .0: " + screen);
            assertTrue(screen.contains("BAD:NOT_INITIALIZED") || screen.contains("GOOD"), screen);
        } finally {
            c.close();
        }
    }

    @Test
    void logConsolePrintsOneLinePerChange() throws Exception {
        TagTable t = table();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LogConsole c = LogConsole.start(t, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        t.contextFor("LINE_WITH_A_LONG_NAME", Path.of("."), "h").publish("A_STATION_WITH_A_VERY_LONG_NAME",
                List.of(new TagUpdate("POWER", TagValue.good(TagType.Ai, 12.5, T, T))));
        c.close();
        t.contextFor("LINE_WITH_A_LONG_NAME", Path.of("."), "h").publish("A_STATION_WITH_A_VERY_LONG_NAME",
                List.of(new TagUpdate("POWER", TagValue.good(TagType.Ai, 13.5, T, T))));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length, "one change printed, none after close");
        assertEquals("2024-05-01T12:00:00.250Z TAG tag=POWER station=A_STATION_WITH_A_VERY_LONG_NAME quality=GOOD "
                + "time=2024-05-01T12:00:00.250Z value=12.5", lines[0]);
    }
}

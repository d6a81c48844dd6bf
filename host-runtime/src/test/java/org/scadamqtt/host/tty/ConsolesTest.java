package org.scadamqtt.host.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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

    /** OSC 0 (retitle the window), a carriage return that would overwrite the line, C1 CSI, DEL, bidi override. */
    private static final String HOSTILE = "\u001b]0;evil\u0007 ok\r\nforged line\u009b2J\u007f\u202e\"q\" \\";

    @Test
    void logConsoleWritesTextAsJsonStringsSoAPayloadCannotDriveTheTerminal() throws Exception {
        TagTable t = table();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LogConsole c = LogConsole.start(t, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        t.contextFor("LINE_WITH_A_LONG_NAME", Path.of("."), "h").publish("A_STATION_WITH_A_VERY_LONG_NAME",
                List.of(new TagUpdate("A_TAG_NAME_THAT_IS_FAR_TOO_LONG_FOR_THE_TABLE",
                        TagValue.good(TagType.TxtI, HOSTILE, T, T))));
        c.close();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, out.split("\n").length, "one change, one line: " + out);
        assertNoControlCharacters(out.substring(0, out.length() - 1));
        String value = out.substring(out.indexOf(" value=") + 7).trim();
        assertEquals("\"\\u001b]0;evil\\u0007 ok\\r\\nforged line\\u009b2J\\u007f\\u202e\\\"q\\\" \\\\\"", value);
        assertEquals(HOSTILE, new com.fasterxml.jackson.databind.ObjectMapper().readValue(value, String.class),
                "any JSON parser reads back the exact text");
    }

    @Test
    void logConsoleEscapesDetailsAndReasonsToo() {
        TagTable t = table();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LogConsole c = LogConsole.start(t, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        t.contextFor("LINE_WITH_A_LONG_NAME", Path.of("."), "h").publish("A_STATION_WITH_A_VERY_LONG_NAME",
                List.of(new TagUpdate("POWER", TagValue.bad(TagType.Ai,
                        org.scadamqtt.tag.Reason.CONVERSION_ERROR, "cannot read " + HOSTILE, T))));
        c.close();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains(" detail=\"cannot read \\u001b]0;evil"), out);
        assertNoControlCharacters(out.substring(0, out.length() - 1));
    }

    @Test
    void ttyTableShowsControlCharactersEscaped() {
        TagTable t = table();
        t.contextFor("LINE_WITH_A_LONG_NAME", Path.of("."), "h").publish("A_STATION_WITH_A_VERY_LONG_NAME", List.of(
                new TagUpdate("A_TAG_NAME_THAT_IS_FAR_TOO_LONG_FOR_THE_TABLE", TagValue.good(TagType.TxtI, HOSTILE, T, T))));
        TtyConsole c = TtyConsole.start(t, new PrintStream(new ByteArrayOutputStream()), "");
        try {
            String screen = c.render();
            for (String line : screen.split("\n")) {
                assertNoControlCharacters(line);
            }
            assertTrue(screen.contains("\"\\u001b]0;evil\\u0007 "), screen);
        } finally {
            c.close();
        }
    }

    /** A line, three stations (one with a long reason) and 30 tags, one of them a TiA. */
    private static TagTable bigTable() {
        java.util.List<TagConfig> tags = new java.util.ArrayList<>();
        tags.add(new TagConfig("STAMP", TagType.TiA, "JA=ts", null));
        for (int i = 0; i < 29; i++) {
            tags.add(new TagConfig("T" + i, TagType.Ai, "JA=v" + i, null));
        }
        StationConfig a = new StationConfig("PUMP", "plant/pump", InitialState.ON, null, tags, null);
        StationConfig b = new StationConfig("SPARE", "plant/spare", InitialState.OFF, null, List.of(), null);
        StationConfig c = new StationConfig("SIM", "plant/sim", InitialState.SIMUL, null, List.of(), null);
        LineConfig line = new LineConfig("PLANT", "mqtt", List.of("tcp://broker:1883"), 1883, null, List.of(a, b, c), null);
        return new TagTable(new ScadaConfig("t", List.of(line)));
    }

    @Test
    void theScreenShowsStationsCountersBeforeALongReasonAndFitsTheRealTerminal() {
        TagTable t = bigTable();
        var ctx = t.contextFor("PLANT", Path.of("."), "h");
        ctx.lineStatus(new org.scadamqtt.driver.LineStatus("PLANT", org.scadamqtt.driver.LineState.DISCONNECTED,
                "tcp://broker:1883", "cannot connect: " + "a very long reason ".repeat(10), T, null));
        Instant stamp = Instant.parse("2024-05-01T12:34:56.789Z");
        ctx.publish("PUMP", List.of(new TagUpdate("STAMP", TagValue.good(TagType.TiA, stamp, T, T))));
        TtyConsole c = TtyConsole.start(t, new PrintStream(new ByteArrayOutputStream()), "",
                () -> new TerminalSize(20, 100));
        try {
            String screen = c.render(new TerminalSize(20, 100));
            List<String> rows = screen.lines().toList();
            assertTrue(rows.size() <= 19, "the last row stays free: " + rows.size() + "\n" + screen);
            rows.forEach(r -> assertTrue(r.length() <= 99, "too wide (" + r.length() + "): " + r));
            String lineRow = rows.stream().filter(r -> r.startsWith("line PLANT")).findFirst().orElseThrow();
            assertTrue(lineRow.contains("in=0 out=0 err=0"), "counters before the reason: " + lineRow);
            assertTrue(screen.contains("SPARE") && screen.contains("StOFF") && screen.contains("switched off"), screen);
            assertTrue(screen.contains("2024-05-01T12:34:56.789Z"), "a TiA value is not cut: " + screen);
            assertTrue(screen.contains("more tags"), screen);

            // a taller, narrower terminal: every tag and station fits, every row fits 80 columns
            String tall = c.render(new TerminalSize(60, 80));
            assertTrue(tall.contains("T28") && !tall.contains("more tags"), tall);
            tall.lines().forEach(r -> assertTrue(r.length() <= 79, "too wide (" + r.length() + "): " + r));
        } finally {
            c.close();
        }
    }

    @Test
    void hostLogLinesEscapeControlCharactersInMessagesAndStackTraces() throws Exception {
        ch.qos.logback.classic.LoggerContext ctx = new ch.qos.logback.classic.LoggerContext();
        ch.qos.logback.classic.joran.JoranConfigurator joran = new ch.qos.logback.classic.joran.JoranConfigurator();
        joran.setContext(ctx);
        // the logback.xml the host ships (tests use logback-test.xml)
        joran.doConfigure(getClass().getResource("/logback.xml"));
        // a warning makes logback print its whole status list on every start of the host
        assertEquals(List.of(), ctx.getStatusManager().getCopyOfStatusList().stream()
                .filter(st -> st.getLevel() >= ch.qos.logback.core.status.Status.WARN).map(Object::toString).toList());
        var appender = (ch.qos.logback.core.OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent>)
                ctx.getLogger("ROOT").getAppender("STDERR");
        ch.qos.logback.classic.Logger logger = ctx.getLogger("org.scadamqtt.mqtt.line.PLANT");
        var event = new ch.qos.logback.classic.spi.LoggingEvent("x", logger, ch.qos.logback.classic.Level.INFO,
                "in plant/x: {}", new IllegalStateException("bad payload " + HOSTILE), new Object[] {HOSTILE});
        String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
        ctx.stop();
        assertTrue(line.contains("in plant/x: \\u001b]0;evil\\u0007 ok\\r\\nforged line"), line);
        assertTrue(line.contains("IllegalStateException: bad payload \\u001b]0;evil"), line);
        for (String l : line.split("\r?\n")) {
            assertNoControlCharacters(l.replace("\t", ""));
        }
    }

    private static void assertNoControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            assertTrue(ch >= 0x20 && !(ch >= 0x7f && ch <= 0x9f) && ch != '\u202e',
                    "control character " + (int) ch + " at " + i + " in: " + s);
        }
    }

    @Test
    void theTerminalSizeComesFromSttyThenTheEnvironment() {
        assertEquals(new TerminalSize(50, 132), TerminalSize.parseStty("50 132\n"));
        assertEquals(null, TerminalSize.parseStty("stty: 'standard input': Inappropriate ioctl for device"));
        assertEquals(new TerminalSize(30, 80), TerminalSize.fromEnvironment("30", null));
        assertEquals(TerminalSize.DEFAULT, TerminalSize.fromEnvironment("x", "-1"));

        // the terminal's own answer wins over $LINES/$COLUMNS, which are set but stale
        UnaryOperator<String> env = name -> Map.of("LINES", "30", "COLUMNS", "100").get(name);
        assertEquals(new TerminalSize(50, 132), TerminalSize.detect(() -> "50 132\n", env));
        assertEquals(new TerminalSize(30, 100), TerminalSize.detect(() -> null, env), "no terminal to ask");
        assertEquals(new TerminalSize(30, 100), TerminalSize.detect(() -> "stty: not a tty", env));
        assertEquals(TerminalSize.DEFAULT, TerminalSize.detect(() -> null, name -> null));
    }
}

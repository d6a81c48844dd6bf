package org.scadamqtt.host.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.ActionResult;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationDetails;
import org.scadamqtt.driver.StationDiagnostics;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

class TagTableTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private static ScadaConfig config() {
        StationConfig meter = new StationConfig("METER", "plant/meter", InitialState.ON, null, List.of(
                new TagConfig("M_POWER", TagType.Ai, "JA=power", null),
                new TagConfig("M_RAW", TagType.TxtI, "IN_DATA", null)), null);
        StationConfig cmd = new StationConfig("CMD", "plant/cmd", InitialState.OFF, null, List.of(
                new TagConfig("C_TOPIC", TagType.TxtO, "OUT_TOPIC", null),
                new TagConfig("C_SET", TagType.Co, "OUT_VALUE", null)), null);
        LineConfig l1 = new LineConfig("L1", "mqtt", List.of("tcp://localhost"), 1883, null, List.of(meter, cmd), null);
        StationConfig other = new StationConfig("OTHER", "x", InitialState.SIMUL, null,
                List.of(new TagConfig("O_VAL", TagType.Di, "IN_DATA", null)), null);
        LineConfig l2 = new LineConfig("L2", "mqtt", List.of("tcp://localhost"), 1883, null, List.of(other), null);
        return new ScadaConfig("test", List.of(l1, l2));
    }

    @Test
    void everyTagStartsNotInitializedInConfigurationOrder() {
        TagTable table = new TagTable(config(), clock);
        assertEquals(List.of("M_POWER", "M_RAW", "C_TOPIC", "C_SET", "O_VAL"),
                table.tags().stream().map(TagEntry::name).toList());
        for (TagEntry t : table.tags()) {
            assertEquals(Quality.BAD, t.value().quality(), t.name());
            assertEquals(Reason.NOT_INITIALIZED, t.value().reason(), t.name());
            assertEquals(T0, t.value().receiveTime());
        }
        assertEquals(StationState.StCOMERR, table.stations().get(0).state());
        assertEquals(StationState.StOFF, table.stations().get(1).state());
        assertEquals(StationState.StSIMUL, table.stations().get(2).state());
        assertEquals(LineState.DISCONNECTED, table.lines().get(0).status().state());
        assertEquals("L1", table.tag("C_SET").orElseThrow().line());
        assertTrue(table.tag("NOPE").isEmpty());
        assertTrue(table.tag(null).isEmpty());
    }

    @Test
    void anOutputWithADefaultStartsGoodWithItWithoutAWriteAndKeepsItThroughTheDriversFirstBatch() {
        StationConfig cmd = new StationConfig("VALVE", "plant/valve", InitialState.ON, null, List.of(
                new TagConfig("V_TOPIC", TagType.TxtO, "OUT_TOPIC", null, null, "plant/valve/cmd"),
                new TagConfig("V_SET", TagType.Co, "OUT_VALUE", null, null, 40L),
                new TagConfig("V_PLAIN", TagType.Co, "ACK_ID", null)), null);
        ScadaConfig config = new ScadaConfig("test", List.of(
                new LineConfig("L1", "mqtt", List.of("tcp://localhost"), 1883, null, List.of(cmd), null)));
        TagTable table = new TagTable(config, clock);
        RecordingDriver d1 = new RecordingDriver();
        table.attach("L1", d1);

        TagValue topic = table.tag("V_TOPIC").orElseThrow().value();
        assertEquals(Quality.GOOD, topic.quality(), topic::toString);
        assertEquals("plant/valve/cmd", topic.value());
        assertEquals("default value from the configuration", topic.detail());
        assertEquals(T0, topic.sourceTime());
        assertEquals(40L, table.tag("V_SET").orElseThrow().value().value());
        assertEquals(Reason.NOT_INITIALIZED, table.tag("V_PLAIN").orElseThrow().value().reason(), "no default, no value");

        // a driver reports its station's outputs NOT_INITIALIZED when it starts: the default stays shown
        DriverContext ctx = table.contextFor("L1", Path.of("/tmp/x"), "host-1");
        ctx.publish("VALVE", List.of(new TagUpdate("V_SET", TagValue.notInitialized(TagType.Co, T0)),
                new TagUpdate("V_PLAIN", TagValue.notInitialized(TagType.Co, T0))));
        assertEquals(Quality.GOOD, table.tag("V_SET").orElseThrow().value().quality());
        assertEquals(40L, table.tag("V_SET").orElseThrow().value().value());
        assertEquals(Reason.NOT_INITIALIZED, table.tag("V_PLAIN").orElseThrow().value().reason());
        assertEquals(List.of(), d1.writes, "a default is held, never published");
    }

    @Test
    void publishKeepsTheLastValueAndTellsListeners() throws Exception {
        TagTable table = new TagTable(config(), clock);
        DriverContext ctx = table.contextFor("L1", Path.of("/tmp/x"), "host-1");
        List<String> seen = new ArrayList<>();
        AutoCloseable sub = table.subscribe(new HostListener() {
            @Override
            public void tagChanged(TagEntry tag) {
                seen.add(tag.name() + "=" + tag.value().value());
            }

            @Override
            public void stationChanged(StationEntry station) {
                seen.add(station.name() + ":" + station.state());
            }

            @Override
            public void lineChanged(LineEntry line) {
                seen.add(line.name() + ":" + line.status().state());
            }
        });
        ctx.publish("METER", List.of(new TagUpdate("M_RAW", TagValue.good(TagType.TxtI, "{}", T0, T0)),
                new TagUpdate("M_POWER", TagValue.good(TagType.Ai, 1.5, T0, T0))));
        ctx.publish("METER", List.of(new TagUpdate("M_POWER", TagValue.good(TagType.Ai, 2.5, T0, T0))));
        ctx.stationState("METER", StationState.StON, "");
        ctx.lineStatus(new LineStatus("L1", LineState.CONNECTED, "tcp://localhost:1883", "", T0, null));
        assertEquals(List.of("M_RAW={}", "M_POWER=1.5", "M_POWER=2.5", "METER:StON", "L1:CONNECTED"), seen);
        assertEquals(2.5, table.tag("M_POWER").orElseThrow().value().value());
        assertEquals(StationState.StON, table.stations().get(0).state());
        assertEquals("tcp://localhost:1883", table.lines().get(0).status().broker());
        assertEquals("host-1", ctx.hostId());
        assertEquals(Path.of("/tmp/x"), ctx.dataDirectory());

        sub.close();
        ctx.publish("METER", List.of(new TagUpdate("M_POWER", TagValue.good(TagType.Ai, 3.5, T0, T0))));
        assertEquals(5, seen.size(), "a closed subscription hears nothing more");
        assertEquals(3.5, table.tag("M_POWER").orElseThrow().value().value());
    }

    @Test
    void valuesForTagsOfAnotherLineOrUnknownTagsAreIgnored() {
        TagTable table = new TagTable(config(), clock);
        DriverContext l2 = table.contextFor("L2", Path.of("."), "h");
        l2.stationState("OTHER", StationState.StON, "connected"); // a simulated station ignores the driver
        l2.publish("METER", List.of(new TagUpdate("M_POWER", TagValue.good(TagType.Ai, 9.0, T0, T0)),
                new TagUpdate("GHOST", TagValue.good(TagType.Ai, 9.0, T0, T0)),
                new TagUpdate("O_VAL", TagValue.good(TagType.Di, true, T0, T0))));
        assertEquals(Reason.NOT_INITIALIZED, table.tag("M_POWER").orElseThrow().value().reason());
        assertEquals(true, table.tag("O_VAL").orElseThrow().value().value());
        assertThrows(IllegalArgumentException.class, () -> table.contextFor("L9", Path.of("."), "h"));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        TagTable table = new TagTable(config(), clock);
        List<String> seen = new ArrayList<>();
        table.subscribe(new HostListener() {
            @Override
            public void tagChanged(TagEntry tag) {
                throw new IllegalStateException("broken console");
            }
        });
        table.subscribe(new HostListener() {
            @Override
            public void tagChanged(TagEntry tag) {
                seen.add(tag.name());
            }
        });
        table.contextFor("L1", Path.of("."), "h")
                .publish("METER", List.of(new TagUpdate("M_POWER", TagValue.good(TagType.Ai, 1.0, T0, T0))));
        assertEquals(List.of("M_POWER"), seen);
    }

    @Test
    void aStationsDiagnosticsComeFromTheDriverOfItsLine() {
        TagTable table = new TagTable(config(), clock);
        RecordingDriver d1 = new RecordingDriver();
        StationDiagnostics meter = new StationDiagnostics(7, 1, 2, 0, 0, 0, "bad payload", T0);
        d1.diagnostics.put("METER", meter);
        assertEquals(Optional.empty(), table.diagnostics("METER"), "no driver attached yet");
        table.attach("L1", d1);
        assertEquals(Optional.of(meter), table.diagnostics("METER"));
        assertEquals(Optional.empty(), table.diagnostics("GHOST"));
        table.detach("L1");
        assertEquals(Optional.empty(), table.diagnostics("METER"), "a stopped line shows none");
    }

    @Test
    void writesAreRoutedToTheLineDriverAfterConversion() throws Exception {
        TagTable table = new TagTable(config(), clock);
        RecordingDriver d1 = new RecordingDriver();
        table.attach("L1", d1);

        assertEquals(WriteResult.success(), result(table.write("C_SET", "42")));
        assertEquals(List.of("C_SET=42 (Long)"), d1.writes);

        WriteResult input = result(table.write("M_POWER", 1.0));
        assertEquals(WriteFailure.NOT_WRITABLE, input.failure());
        assertTrue(input.message().contains("M_POWER"), input.message());

        assertEquals(WriteFailure.UNKNOWN_TAG, result(table.write("GHOST", 1)).failure());
        WriteResult wrong = result(table.write("C_SET", "forty-two"));
        assertEquals(WriteFailure.WRONG_VALUE, wrong.failure());
        assertTrue(wrong.message().contains("C_SET"), wrong.message());
        assertEquals(1, d1.writes.size(), "refused writes never reach the driver");

        table.detach("L1");
        assertEquals(WriteFailure.STOPPED, result(table.write("C_SET", 1)).failure());
    }

    @Test
    void anOutputTagShowsTheLastValueWrittenSuccessfully() throws Exception {
        TagTable table = new TagTable(config(), clock);
        RecordingDriver d1 = new RecordingDriver();
        table.attach("L1", d1);
        List<String> seen = new ArrayList<>();
        table.subscribe(new HostListener() {
            @Override
            public void tagChanged(TagEntry tag) {
                seen.add(tag.name() + "=" + tag.value().value());
            }
        });
        assertEquals(Reason.NOT_INITIALIZED, table.tag("C_SET").orElseThrow().value().reason());

        assertTrue(result(table.write("C_SET", "42")).ok());
        TagValue shown = table.tag("C_SET").orElseThrow().value();
        assertEquals(Quality.GOOD, shown.quality());
        assertEquals(42L, shown.value());
        assertEquals(T0, shown.sourceTime());
        assertEquals(List.of("C_SET=42"), seen, "consoles hear of the written value");

        d1.failWith = new IllegalStateException("broker gone");
        assertFalse(result(table.write("C_SET", "43")).ok());
        assertEquals(42L, table.tag("C_SET").orElseThrow().value().value(), "a failed write changes nothing");
        assertEquals(1, seen.size());
    }

    @Test
    void anInputMarkedWritableIsWrittenThroughItsDriverAndKeepsShowingTheValueReadBack() throws Exception {
        StationConfig edge = new StationConfig("E1", "G1/E1", InitialState.ON, null, List.of(
                new TagConfig("SPEED", TagType.Ai, "SP=Speed", null, null, null, true),
                new TagConfig("LEVEL", TagType.Ai, "SP=Level", null)), null);
        LineConfig sp = new LineConfig("SP", "mqtt", List.of("tcp://localhost"), 1883, null, List.of(edge), null);
        TagTable table = new TagTable(new ScadaConfig("sp", List.of(sp)), clock);
        RecordingDriver d = new RecordingDriver();
        table.attach("SP", d);
        table.publish("SP", "E1", List.of(new TagUpdate("SPEED", TagValue.good(TagType.Ai, 1.5, T0, T0))));

        assertTrue(table.tag("SPEED").orElseThrow().acceptsWrites());
        assertEquals(WriteResult.success(), result(table.write("SPEED", "3.5")));
        assertEquals(List.of("SPEED=3.5 (Double)"), d.writes);
        assertEquals(1.5, table.tag("SPEED").orElseThrow().value().value(),
                "it shows what the edge node reports, not what it was told");

        WriteResult plain = result(table.write("LEVEL", 1.0));
        assertEquals(WriteFailure.NOT_WRITABLE, plain.failure());
        assertTrue(plain.message().contains("input tags marked writable"), plain.message());
    }

    @Test
    void aDriverThatFailsTheStageOrThrowsGivesRejected() throws Exception {
        TagTable table = new TagTable(config(), clock);
        RecordingDriver d1 = new RecordingDriver();
        d1.failWith = new IllegalStateException("boom");
        table.attach("L1", d1);
        WriteResult r = result(table.write("C_TOPIC", "a/b"));
        assertFalse(r.ok());
        assertEquals(WriteFailure.REJECTED, r.failure());
        d1.throwOnWrite = true;
        assertEquals(WriteFailure.REJECTED, result(table.write("C_TOPIC", "a/b")).failure());
    }

    @Test
    void controlGoesToTheStationsLine() {
        TagTable table = new TagTable(config(), clock);
        RecordingDriver d1 = new RecordingDriver();
        RecordingDriver d2 = new RecordingDriver();
        table.attach("L1", d1);
        table.attach("L2", d2);
        table.control("OTHER", StationControl.ON);
        table.control("CMD", StationControl.SIMUL);
        assertEquals(List.of("CMD:SIMUL"), d1.controls);
        assertEquals(List.of("OTHER:ON"), d2.controls);
        assertThrows(IllegalArgumentException.class, () -> table.control("NOPE", StationControl.OFF));
    }

    @Test
    void stationDetailsActionsAndDiscoveriesComeFromTheStationsLine() throws Exception {
        TagTable table = new TagTable(config(), clock);
        RecordingDriver d1 = new RecordingDriver();
        RecordingDriver d2 = new RecordingDriver();
        d1.details = Map.of("METER", new StationDetails(Map.of("state", "online"), List.of("rebirth")),
                "OTHER", new StationDetails(Map.of("state", "claimed by the wrong line"), List.of()));
        d2.discovered = List.of(new DiscoveredPoint("G/N", "SP=x", TagType.Ci, ""));
        table.attach("L1", d1);
        table.attach("L2", d2);
        assertEquals(Map.of("METER", d1.details.get("METER")), table.stationDetails(),
                "a station is described only by its own line's driver");
        ActionResult r = table.stationAction("OTHER", "rebirth").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(List.of("OTHER:rebirth"), d2.actions);
        assertEquals(List.of(), d1.actions);
        assertTrue(r.ok());
        assertFalse(table.stationAction("NOPE", "rebirth").toCompletableFuture().get().ok());
        assertEquals(d2.discovered, table.discovered("L2"));
        assertEquals(List.of(), table.discovered("L1"));
        assertThrows(IllegalArgumentException.class, () -> table.discovered("L9"));
    }

    private static WriteResult result(CompletionStage<WriteResult> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** A driver double that records what the table routes to it. */
    static final class RecordingDriver implements Driver {
        final List<String> writes = new ArrayList<>();
        final List<String> controls = new ArrayList<>();
        final List<String> actions = new ArrayList<>();
        final Map<String, StationDiagnostics> diagnostics = new java.util.HashMap<>();
        RuntimeException failWith;
        boolean throwOnWrite;
        Map<String, StationDetails> details = Map.of();
        List<DiscoveredPoint> discovered = List.of();

        @Override
        public Map<String, StationDetails> stationDetails() {
            return details;
        }

        @Override
        public CompletionStage<ActionResult> stationAction(String station, String action) {
            actions.add(station + ":" + action);
            return CompletableFuture.completedFuture(ActionResult.done("done"));
        }

        @Override
        public List<DiscoveredPoint> discovered() {
            return discovered;
        }

        @Override
        public void start() {
        }

        @Override
        public void reconfigure(LineConfig newConfig) {
        }

        @Override
        public CompletionStage<WriteResult> write(String tag, Object value) {
            if (throwOnWrite) {
                throw new IllegalStateException("driver bug");
            }
            writes.add(tag + "=" + value + " (" + value.getClass().getSimpleName() + ")");
            return failWith == null ? CompletableFuture.completedFuture(WriteResult.success())
                    : CompletableFuture.failedFuture(failWith);
        }

        @Override
        public void control(String station, StationControl control) {
            controls.add(station + ":" + control);
        }

        @Override
        public LineStatus status() {
            return null;
        }

        @Override
        public Map<String, StationDiagnostics> stationDiagnostics() {
            return diagnostics;
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void aReloadKeepsValuesOfUnchangedTagsAddsNewOnesAndDropsRemovedOnesAfterTheDrivers() {
        TagTable table = new TagTable(config(), clock);
        table.contextFor("L1", Path.of("."), "h").publish("METER", List.of(
                new TagUpdate("M_POWER", TagValue.good(TagType.Ai, 5.0, T0, T0)),
                new TagUpdate("M_RAW", TagValue.good(TagType.TxtI, "raw", T0, T0))));
        List<String> events = new ArrayList<>();
        table.subscribe(new HostListener() {
            @Override
            public void configurationChanged() {
                events.add("changed");
            }
        });
        // M_RAW becomes an Ai (a new tag as far as its value goes), M_NEW is added, line L2 is removed
        StationConfig meter = new StationConfig("METER", "plant/meter", InitialState.ON, null, List.of(
                new TagConfig("M_POWER", TagType.Ai, "JA=power", null),
                new TagConfig("M_RAW", TagType.Ai, "JA=raw", null),
                new TagConfig("M_NEW", TagType.Ai, "JA=new", null)), null);
        ScadaConfig next = new ScadaConfig("test", List.of(new LineConfig("L1", "mqtt", List.of("tcp://localhost"),
                1883, null, List.of(meter), null)));
        table.reconfigure(next, () -> {
            assertTrue(table.tag("M_NEW").isPresent(), "new tags exist before the drivers take the change");
            assertTrue(table.tag("O_VAL").isPresent(), "removed tags stay until the drivers have taken it");
            events.add("drivers");
        });
        assertEquals(List.of("M_POWER", "M_RAW", "M_NEW"), table.tags().stream().map(TagEntry::name).toList());
        assertEquals(5.0, table.tag("M_POWER").orElseThrow().value().value(), "an unchanged tag keeps its value");
        assertEquals(Reason.NOT_INITIALIZED, table.tag("M_RAW").orElseThrow().value().reason());
        assertEquals(List.of("METER"), table.stations().stream().map(StationEntry::name).toList());
        assertEquals(List.of("L1"), table.lines().stream().map(LineEntry::name).toList());
        assertEquals(List.of("drivers", "changed"), events);
        assertThrows(IllegalArgumentException.class, () -> table.contextFor("L2", Path.of("."), "h"));
    }
}

package org.scadamqtt.host.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.config.TagDisplay;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * What the tag table shows beside the driver's reports: "waiting for the first value" after a
 * reconnect, hand-set values of a simulated station, an output's configured default.
 */
class HostSideValuesTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private static ScadaConfig config() {
        StationConfig meter = new StationConfig("METER", "plant/meter", InitialState.ON, null, List.of(
                new TagConfig("M_POWER", TagType.Ai, "JA=power", null,
                        new TagDisplay("active power", "kW", "%.1f", 0.0, 90.0, null, 100.0), null),
                new TagConfig("M_RAW", TagType.TxtI, "IN_DATA", null)), null);
        StationConfig cmd = new StationConfig("CMD", "plant/cmd", InitialState.ON, null, List.of(
                new TagConfig("C_TOPIC", TagType.TxtO, "OUT_TOPIC", null, null, "plant/cmd/set"),
                new TagConfig("C_SET", TagType.Co, "OUT_VALUE", null)), null);
        LineConfig l1 = new LineConfig("L1", "mqtt", List.of("tcp://localhost"), 1883, null, List.of(meter, cmd), null);
        return new ScadaConfig("test", List.of(l1));
    }

    private static LineStatus status(LineState s) {
        return new LineStatus("L1", s, "tcp://localhost:1883", s == LineState.CONNECTED ? "" : "broker gone", T0, null);
    }

    private static TagValue lineDown(TagValue last) {
        return last.invalidate(Reason.NOT_CONNECTED, "line L1 is down: line down longer than the time filter", T0);
    }

    @Test
    void afterTheLineReconnectsItsLineDownTagsSayWaitingForTheFirstValue() {
        TagTable table = new TagTable(config(), clock);
        DriverContext l1 = table.contextFor("L1", Path.of("."), "h");
        l1.lineStatus(status(LineState.CONNECTED));
        TagValue good = TagValue.good(TagType.Ai, 42.0, T0, T0);
        l1.publish("METER", List.of(new TagUpdate("M_POWER", good),
                new TagUpdate("M_RAW", TagValue.bad(TagType.TxtI, Reason.PAYLOAD_ERROR, "not JSON", T0))));
        l1.lineStatus(status(LineState.DISCONNECTED));
        l1.publish("METER", List.of(new TagUpdate("M_POWER", lineDown(good))));
        assertEquals(Reason.NOT_CONNECTED, table.tag("M_POWER").orElseThrow().value().reason());

        List<TagEntry> told = new ArrayList<>();
        table.subscribe(new HostListener() {
            @Override
            public void tagChanged(TagEntry tag) {
                told.add(tag);
            }
        });
        l1.lineStatus(status(LineState.CONNECTED));
        TagValue shown = table.tag("M_POWER").orElseThrow().value();
        assertEquals(Quality.BAD, shown.quality());
        assertEquals(Reason.NOT_INITIALIZED, shown.reason());
        assertTrue(shown.detail().startsWith("waiting for the first value since line L1 connected at 12:00:00 UTC"),
                shown.detail());
        assertEquals(42.0, shown.value(), "the last value is kept for orientation");
        assertEquals(Reason.PAYLOAD_ERROR, table.tag("M_RAW").orElseThrow().value().reason(),
                "a fault of the device is not the line's; it stays");
        assertEquals(List.of("M_POWER"), told.stream().map(TagEntry::name).toList(), "consoles are told");
        assertEquals(2, table.tag("M_POWER").orElseThrow().updates(), "host-side changes are not updates");

        l1.publish("METER", List.of(new TagUpdate("M_POWER", TagValue.good(TagType.Ai, 43.0, T0, T0))));
        assertEquals(Quality.GOOD, table.tag("M_POWER").orElseThrow().value().quality());
        assertEquals(3, table.tag("M_POWER").orElseThrow().updates());
    }

    @Test
    void aStationBackOnFromHardErrorOrOffSaysWaiting() {
        TagTable table = new TagTable(config(), clock);
        DriverContext l1 = table.contextFor("L1", Path.of("."), "h");
        l1.stationState("METER", StationState.StHARDERR, "will message received");
        l1.publish("METER", List.of(new TagUpdate("M_RAW",
                TagValue.bad(TagType.TxtI, Reason.STATION_ERROR, "station METER reported its will message", T0))));
        l1.stationState("METER", StationState.StON, "connected");
        TagValue shown = table.tag("M_RAW").orElseThrow().value();
        assertEquals(Reason.NOT_INITIALIZED, shown.reason());
        assertTrue(shown.detail().contains("station METER went StON"), shown.detail());
    }

    @Test
    void inSimulTheOperatorSetsInputValuesByHandAndTheDriverIsNeitherAskedNorHeard() throws Exception {
        TagTable table = new TagTable(config(), clock);
        DriverContext l1 = table.contextFor("L1", Path.of("."), "h");
        l1.stationState("METER", StationState.StON, "connected");
        l1.publish("METER", List.of(new TagUpdate("M_POWER", TagValue.good(TagType.Ai, 42.0, T0, T0))));
        l1.stationState("METER", StationState.StSIMUL, "set SIMUL by the host");
        TagValue held = table.tag("M_POWER").orElseThrow().value();
        assertEquals(Reason.SIMULATED, held.reason());
        assertEquals(42.0, held.value());

        // no driver attached: a write that went to a driver would fail with STOPPED
        WriteResult r = table.write("M_POWER", "55.5").toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertTrue(r.ok(), String.valueOf(r));
        TagValue set = table.tag("M_POWER").orElseThrow().value();
        assertEquals(55.5, set.value());
        assertEquals(Quality.UNCERTAIN, set.quality());
        assertEquals(Reason.SIMULATED, set.reason());
        WriteResult wrong = table.write("M_POWER", "lots").toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertEquals("WRONG_VALUE", wrong.failure().name());

        l1.publish("METER", List.of(new TagUpdate("M_POWER", TagValue.good(TagType.Ai, 1.0, T0, T0))));
        assertEquals(55.5, table.tag("M_POWER").orElseThrow().value().value(), "the driver's value is ignored in SIMUL");

        l1.stationState("METER", StationState.StON, "set ON by the host");
        assertEquals(Reason.NOT_INITIALIZED, table.tag("M_POWER").orElseThrow().value().reason(),
                "leaving SIMUL waits for live values");
        l1.publish("METER", List.of(new TagUpdate("M_POWER", TagValue.good(TagType.Ai, 2.0, T0, T0))));
        assertEquals(2.0, table.tag("M_POWER").orElseThrow().value().value());
    }

    @Test
    void anOutputWithADefaultHoldsItFromStartAndAfterTheDriversStart() {
        TagTable table = new TagTable(config(), clock);
        TagValue start = table.tag("C_TOPIC").orElseThrow().value();
        assertEquals(Quality.GOOD, start.quality());
        assertEquals("plant/cmd/set", start.value());
        DriverContext l1 = table.contextFor("L1", Path.of("."), "h");
        l1.publish("CMD", List.of(new TagUpdate("C_TOPIC", TagValue.notInitialized(TagType.TxtO, T0)),
                new TagUpdate("C_SET", TagValue.notInitialized(TagType.Co, T0))));
        assertEquals("plant/cmd/set", table.tag("C_TOPIC").orElseThrow().value().value());
        assertNull(table.tag("C_SET").orElseThrow().value().value());
        assertEquals("kW", table.tag("M_POWER").orElseThrow().display().unit());
    }
}

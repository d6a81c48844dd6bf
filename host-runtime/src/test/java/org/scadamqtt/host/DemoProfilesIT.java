package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.testsupport.Await.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.broker.EmbeddedBroker;
import org.scadamqtt.host.tags.HostListener;
import org.scadamqtt.host.tags.StationEntry;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagValue;

/**
 * The demo's Gizwits, WEGnology, Wirepas and Sparkplug lines with the simulator as app, server,
 * platform, Wirepas gateway and Sparkplug edge node.
 */
@Timeout(120)
class DemoProfilesIT {

    private static HostRuntime demo(Path tmp) throws Exception {
        return demo(tmp, 2.0);
    }

    /** The demo with its simulator at {@code rate} ticks per second. */
    private static HostRuntime demo(Path tmp, double rate) throws Exception {
        Path demo = Path.of(System.getProperty("scada.sampleConfig", "../sample-config"), "demo.xml");
        HostOptions options = new HostOptions(demo, null, tmp, EmbeddedBroker.freePort(), "127.0.0.1", 0, null,
                ConsoleKind.web, rate);
        return HostRuntime.start(options, System.out);
    }

    @Test
    void gizwitsAndWegnologyLinesShowTheSimulatorsTrafficAndTheirWritesComplete(@TempDir Path tmp) throws Exception {
        try (HostRuntime rt = demo(tmp)) {
            waitFor(20, "the Gizwits server's online app count and the app's set point", () ->
                    value(rt, "GZ_ONLINE_APPS").isGood() && value(rt, "GZ_SETPOINT").isGood());
            waitFor(20, "a WEGnology command's set point", () -> value(rt, "WN_SETPOINT").isGood());
            WriteResult alarm = rt.table().write("GZ_ALARM", "0a").toCompletableFuture().get(15, TimeUnit.SECONDS);
            assertTrue(alarm.ok(), "the simulated app acknowledges 0x0093: " + alarm);
            WriteResult state = rt.table().write("WN_TEMPERATURE", 21.5).toCompletableFuture().get(15, TimeUnit.SECONDS);
            assertTrue(state.ok(), state.toString());
        }
    }

    /**
     * The simulated gateway demo-gw: its status, its nodes' packets, send_data answered OK and with an error
     * code, and get_configs and get_gw_info, which it takes only on their gateway-wide topics (no sink level),
     * as a real gateway does. Nodes 101, 102 and 103 each fill their own station; when the gateway's
     * connection dies, its will (OFF) puts the gateway and node stations into StHARDERR.
     */
    @Test
    void theWirepasLineShowsTheSimulatedNetworkAndItsRequestsAreAnswered(@TempDir Path tmp) throws Exception {
        try (HostRuntime rt = demo(tmp)) {
            waitFor(30, "gateway demo-gw ON and a temperature of node 101", () ->
                    good(rt, "WP_GATEWAY_STATE", "ON") && value(rt, "WP_NODE101_TEMPERATURE").isGood());
            // the line may still be subscribing to the responses when the first status arrives: up to three tries
            WriteResult sent = null;
            for (int i = 0; i < 3 && (sent == null || !sent.ok()); i++) {
                sent = rt.table().write("WP_NODE101_SEND", "0a0b").toCompletableFuture().get(15, TimeUnit.SECONDS);
            }
            assertTrue(sent.ok(), sent.toString());
            WriteResult unknownNode = rt.table().write("WP_NODE_999_SEND", "01").toCompletableFuture()
                    .get(15, TimeUnit.SECONDS);
            assertEquals(WriteFailure.REJECTED, unknownNode.failure(), unknownNode.toString());
            assertTrue(unknownNode.message().contains("INVALID_DEST_ADDRESS"), unknownNode.message());

            WriteResult configs = rt.table().write("WP_ASK_CONFIG", 1L).toCompletableFuture().get(15, TimeUnit.SECONDS);
            assertTrue(configs.ok(), configs.toString());
            waitFor(10, "the sink's network address in WP_CONFIG", () -> good(rt, "WP_CONFIG_NETWORK", 12345L));
            WriteResult info = rt.table().write("WP_ASK_INFO", 1L).toCompletableFuture().get(15, TimeUnit.SECONDS);
            assertTrue(info.ok(), info.toString());
            waitFor(10, "the gateway's version in WP_INFO", () -> good(rt, "WP_INFO_VERSION", "1.0"));

            // every node its own station: the simulator's temperature is 20.00 °C + node * 0.10 °C + 0 to 0.95 °C
            waitFor(10, "nodes 102 and 103 fill their tags", () -> List.of(101, 102, 103).stream().allMatch(n ->
                    value(rt, "WP_NODE" + n + "_HOPS").isGood() && value(rt, "WP_NODE" + n + "_TRAVEL_MS").isGood()
                    && value(rt, "WP_NODE" + n + "_TEMPERATURE").isGood()));
            for (int n : new int[] {101, 102, 103}) {
                long centi = ((Number) value(rt, "WP_NODE" + n + "_TEMPERATURE").value()).longValue();
                long base = 2000 + n * 10L;
                assertTrue(centi >= base && centi <= base + 95, "WP_NODE" + n + " has its own node's packets: " + centi);
            }

            // the gateway's connection dies without DISCONNECT: the broker publishes its will, OFF
            assertTrue(rt.simulator().crashWirepasGateway());
            waitFor(20, "WP_GATEWAY and its node stations StHARDERR", () -> List.of("WP_GATEWAY", "WP_NODE101",
                    "WP_NODE102", "WP_NODE103").stream().allMatch(st -> state(rt, st) == StationState.StHARDERR));
            for (String tag : List.of("WP_GATEWAY_STATE", "WP_NODE102_TEMPERATURE")) {
                assertTrue(!value(rt, tag).isGood(), "tags are invalid while the gateway is off: " + value(rt, tag));
            }
        }
    }

    private static StationState state(HostRuntime rt, String station) {
        return rt.table().stations().stream().filter(s -> s.name().equals(station)).findFirst()
                .map(StationEntry::state).orElseThrow(() -> new AssertionError("no station " + station));
    }

    /**
     * The simulated Sparkplug edge node Demo/SimEdge with Pump1 and Valve1 (births, data by alias):
     * every station's tags fill; its sequence gap (tick 40) makes the values UNCERTAIN until the
     * birth the host's rebirth request brings; Valve1's DDEATH (tick 60) puts only SP_VALVE1 into
     * StHARDERR and its DBIRTH (tick 65) brings it back. At 4 ticks a second: about 17 s.
     */
    @Test
    void theSparkplugLineShowsTheSimulatedEdgeNodeItsSeqGapRebirthAndDeviceDeath(@TempDir Path tmp) throws Exception {
        try (HostRuntime rt = demo(tmp, 4.0)) {
            List<String> events = new CopyOnWriteArrayList<>();
            try (AutoCloseable l = rt.table().subscribe(new HostListener() {
                @Override
                public void tagChanged(TagEntry tag) {
                    if (tag.name().equals("SP_EDGE_UPTIME")) {
                        events.add(tag.name() + " " + tag.value().quality());
                    }
                }

                @Override
                public void stationChanged(StationEntry station) {
                    if (station.name().startsWith("SP_")) {
                        events.add(station.name() + " " + station.state());
                    }
                }
            })) {
                waitFor(20, "every Sparkplug station's tags", () -> value(rt, "SP_EDGE_UPTIME").isGood()
                        && good(rt, "SP_EDGE_FIRMWARE", "sim-1.0") && value(rt, "SP_PUMP1_SPEED").isGood()
                        && value(rt, "SP_PUMP1_RUNNING").isGood() && value(rt, "SP_VALVE1_POSITION").isGood());
                waitFor(40, "the sequence gap: SP_EDGE_UPTIME uncertain, then good after the rebirth", () ->
                        after(events, "SP_EDGE_UPTIME UNCERTAIN", "SP_EDGE_UPTIME GOOD"));
                waitFor(40, "Valve1's DDEATH and DBIRTH: SP_VALVE1 StHARDERR, then StON", () ->
                        after(events, "SP_VALVE1 StHARDERR", "SP_VALVE1 StON"));
                assertTrue(events.stream().noneMatch(e -> e.equals("SP_PUMP1 StHARDERR") || e.equals("SP_EDGE StHARDERR")),
                        "only the dead device is offline: " + events);
                assertEquals("online", rt.table().stationDetails().get("SP_VALVE1").values().get("sparkplug state"));
            }
        }
    }

    /** Whether {@code first} happened and {@code then} after it. */
    private static boolean after(List<String> events, String first, String then) {
        int i = events.indexOf(first);
        return i >= 0 && events.subList(i + 1, events.size()).contains(then);
    }

    private static boolean good(HostRuntime rt, String tag, Object expected) {
        TagValue v = value(rt, tag);
        return v.isGood() && expected.equals(v.value());
    }

    private static TagValue value(HostRuntime rt, String tag) {
        return rt.table().tag(tag).map(TagEntry::value).orElseThrow(() -> new AssertionError("no tag " + tag));
    }
}

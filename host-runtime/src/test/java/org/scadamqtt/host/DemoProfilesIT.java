package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.broker.EmbeddedBroker;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagValue;

/**
 * The demo's Gizwits, WEGnology and Wirepas lines with the simulator as app, server, platform and
 * Wirepas gateway.
 */
@Timeout(120)
class DemoProfilesIT {

    private static HostRuntime demo(Path tmp) throws Exception {
        Path demo = Path.of(System.getProperty("scada.sampleConfig", "../sample-config"), "demo.xml");
        HostOptions options = new HostOptions(demo, null, tmp, EmbeddedBroker.freePort(), "127.0.0.1", 0, null,
                ConsoleKind.web, 2.0);
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
     * as a real gateway does.
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
        }
    }

    private static boolean good(HostRuntime rt, String tag, Object expected) {
        TagValue v = value(rt, tag);
        return v.isGood() && expected.equals(v.value());
    }

    private static TagValue value(HostRuntime rt, String tag) {
        return rt.table().tag(tag).map(TagEntry::value).orElseThrow(() -> new AssertionError("no tag " + tag));
    }

    private static void waitFor(int seconds, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + seconds + " s for " + what);
    }
}

package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.broker.EmbeddedBroker;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagValue;

/** The demo's Gizwits and WEGnology lines with the simulator as app, server and platform. */
@Timeout(120)
class DemoProfilesIT {

    @Test
    void gizwitsAndWegnologyLinesShowTheSimulatorsTrafficAndTheirWritesComplete(@TempDir Path tmp) throws Exception {
        Path demo = Path.of(System.getProperty("scada.sampleConfig", "../sample-config"), "demo.xml");
        HostOptions options = new HostOptions(demo, null, tmp, EmbeddedBroker.freePort(), "127.0.0.1", 0, null,
                ConsoleKind.web, 2.0);
        try (HostRuntime rt = HostRuntime.start(options, System.out)) {
            waitFor(20, "the Gizwits server's online app count and the app's set point", () ->
                    value(rt, "GZ_ONLINE_APPS").isGood() && value(rt, "GZ_SETPOINT").isGood());
            waitFor(20, "a WEGnology command's set point", () -> value(rt, "WN_SETPOINT").isGood());
            WriteResult alarm = rt.table().write("GZ_ALARM", "0a").toCompletableFuture().get(15, TimeUnit.SECONDS);
            assertTrue(alarm.ok(), "the simulated app acknowledges 0x0093: " + alarm);
            WriteResult state = rt.table().write("WN_TEMPERATURE", 21.5).toCompletableFuture().get(15, TimeUnit.SECONDS);
            assertTrue(state.ok(), state.toString());
        }
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

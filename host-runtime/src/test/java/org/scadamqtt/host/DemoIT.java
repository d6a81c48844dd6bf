package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.testsupport.Await.waitFor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.broker.EmbeddedBroker;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagValue;

/**
 * The demo in-process: embedded broker, sample-config/demo.xml, simulator, web console on a free
 * port. Values from the simulator must reach the tag table and change within 10 s, and a write
 * must come back as the simulated device's acknowledgement.
 */
@Timeout(120)
class DemoIT {

    @Test
    void theDemoShowsChangingValuesWithinTenSecondsAndDevicesAnswerWrites(@TempDir Path tmp) throws Exception {
        Path demo = Path.of(System.getProperty("scada.sampleConfig", "../sample-config"), "demo.xml");
        assertTrue(Files.isRegularFile(demo), "missing " + demo.toAbsolutePath());
        HostOptions options = new HostOptions(demo, null, tmp, EmbeddedBroker.freePort(), "127.0.0.1", 0, null,
                ConsoleKind.web, 2.0);
        try (HostRuntime rt = HostRuntime.start(options, System.out)) {
            long started = System.nanoTime();
            Set<Object> currents = new HashSet<>();
            waitFor(10, "METER1_CURRENT to take two different GOOD values", () -> {
                TagValue v = value(rt, "METER1_CURRENT");
                if (v.isGood()) {
                    currents.add(v.value());
                }
                return currents.size() >= 2;
            });
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
            waitFor(10, "the LoRaWAN, line-2 and gateway tags to be GOOD", () -> value(rt, "LORA1_TEMPERATURE").isGood()
                    && value(rt, "LINE2_TEMPERATURE").isGood() && value(rt, "GATEWAY_ONLINE").isGood());
            assertEquals(Boolean.TRUE, value(rt, "GATEWAY_ONLINE").value());

            // the web console answers on its (free) port
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rt.webUrl()))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), rt.webUrl());

            // a write reaches the simulated meter, which switches off and acknowledges
            assertOk(rt.table().write("CMD_TOPIC", "cmd/line1/meter1").toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertOk(rt.table().write("CMD_VALUE", "{\"relay\":\"off\"}").toCompletableFuture().get(10, TimeUnit.SECONDS));
            waitFor(10, "the meter's acknowledgement on plant/line1/meter1/ack", () ->
                    "plant/line1/meter1/ack".equals(value(rt, "OTHER_TOPIC").value())
                            && String.valueOf(value(rt, "OTHER_PAYLOAD").value()).contains("\"accepted\":true"));
            waitFor(10, "METER1_RUNNING to turn false", () -> Boolean.FALSE.equals(value(rt, "METER1_RUNNING").value()));

            // the simulated Sparkplug edge node: births read, a confirmed DCMD write comes back in DDATA
            waitFor(10, "the Sparkplug pump and edge node tags to have values", () ->
                    value(rt, "SP_PUMP1_SPEED").value() != null && value(rt, "SP_EDGE_FIRMWARE").isGood());
            assertEquals("sim-1.0", value(rt, "SP_EDGE_FIRMWARE").value());
            assertOk(rt.table().write("SP_PUMP1_SETPOINT", 1234.5).toCompletableFuture().get(10, TimeUnit.SECONDS));
        }
    }

    private static void assertOk(WriteResult r) {
        assertTrue(r.ok(), r.toString());
    }

    private static TagValue value(HostRuntime rt, String tag) {
        return rt.table().tag(tag).map(TagEntry::value).orElseThrow(() -> new AssertionError("no tag " + tag));
    }
}

package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.testsupport.Await.waitFor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.broker.EmbeddedBroker;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagValue;

/**
 * The demo's LoRaWAN lines in-process (demo.xml, embedded broker, simulator): the LORIOT meter's
 * tags fill with the uplink's time, the TTN node's first-gateway RSSI is read, and downlink writes on both lines complete (TTN by the
 * simulated server's down/queued event, LORIOT when the broker takes the tx).
 */
@Timeout(120)
class LoraDemoIT {

    @Test
    void theDemosLorawanLinesReadUplinksAndSendDownlinks(@TempDir Path tmp) throws Exception {
        Path demo = Path.of(System.getProperty("scada.sampleConfig", "../sample-config"), "demo.xml");
        HostOptions options = new HostOptions(demo, null, tmp, EmbeddedBroker.freePort(), "127.0.0.1", 0, null,
                ConsoleKind.web, 2.0);
        try (HostRuntime rt = HostRuntime.start(options, System.out)) {
            waitFor(15, "LORIOT_METER_FLOW and LORA1_TEMPERATURE to be GOOD", () -> value(rt, "LORIOT_METER_FLOW")
                    .isGood() && value(rt, "LORA1_TEMPERATURE").isGood());
            TagValue flow = value(rt, "LORIOT_METER_FLOW");
            long flowValue = ((Number) flow.value()).longValue();
            assertTrue(flowValue >= 0 && flowValue <= 2000, flow.toString());
            assertEquals(flow.sourceTime(), Instant.ofEpochMilli(flow.sourceTime().toEpochMilli()),
                    "LORIOT's ts has milliseconds: " + flow);
            // JA=uplink_message.rx_metadata[1].rssi: arrays count from 1, so this is the first gateway's rssi
            waitFor(10, "LORA1_RSSI to be GOOD", () -> value(rt, "LORA1_RSSI").isGood());
            double rssi = ((Number) value(rt, "LORA1_RSSI").value()).doubleValue();
            assertTrue(rssi <= -70 && rssi > -110, "the simulator sends -70 to -109 dBm: " + value(rt, "LORA1_RSSI"));
            assertTrue(value(rt, "LORIOT_METER_VALVE").isGood());
            assertEquals(9L, value(rt, "LORIOT_METER_SF").value());

            WriteResult tts = rt.table().write("LORA1_SETPOINT", 500L).toCompletableFuture().get(15, TimeUnit.SECONDS);
            assertTrue(tts.ok(), "completed by the simulated down/queued: " + tts);
            WriteResult loriot = rt.table().write("LORIOT_METER_SEND", "01f4").toCompletableFuture()
                    .get(15, TimeUnit.SECONDS);
            assertTrue(loriot.ok(), loriot.toString());
            waitFor(10, "LORIOT's answers on LORIOT_OTHER", () -> "downlink_sent".equals(value(rt, "LORIOT_OTHER_EVENT")
                    .value()) || "downlink_response".equals(value(rt, "LORIOT_OTHER_EVENT").value()));
        }
    }

    private static TagValue value(HostRuntime rt, String tag) {
        return rt.table().tag(tag).map(TagEntry::value).orElseThrow(() -> new AssertionError("no tag " + tag));
    }
}

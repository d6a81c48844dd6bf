package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.testsupport.MosquittoProcess;
import org.scadamqtt.tag.TagValue;

/**
 * {@code run} against an external Mosquitto: the test starts one on a free port, writes a
 * configuration pointing at it, runs the host, and publishes with {@code mosquitto_pub}; the tag
 * table must get the value. Skipped when Mosquitto is not installed, unless CI=true.
 */
@Timeout(120)
class RunWithMosquittoIT {

    @Test
    void aMessageFromMosquittoPubReachesTheTagTable(@TempDir Path tmp) throws Exception {
        MosquittoProcess.assumeInstalled();
        try (MosquittoProcess broker = MosquittoProcess.start(tmp)) {
            int port = broker.port();
            Path config = tmp.resolve("plant.xml");
            Files.writeString(config, """
                    <scada xmlns="urn:scada-mqtt:config:1">
                      <line name="PLANT" protocol="mqtt">
                        <host>tcp://127.0.0.1:%d</host>
                        <param name="payloadType">JSON</param>
                        <param name="topicFilter">plant/#</param>
                        <station name="METER" address="plant/meter">
                          <tag name="METER_TOPIC" type="TxtI" address="IN_TOPIC"/>
                          <tag name="METER_POWER" type="Ai" address="JA=power.active"/>
                        </station>
                      </line>
                    </scada>
                    """.formatted(port));
            HostOptions options = new HostOptions(config, null, tmp.resolve("data"), null, "127.0.0.1", 0, null,
                    ConsoleKind.none, 0);
            try (HostRuntime rt = HostRuntime.start(options, System.out)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (rt.table().lines().get(0).status().state() != LineState.CONNECTED) {
                    assertTrue(System.nanoTime() < deadline, "line PLANT did not connect: " + rt.table().lines());
                    Thread.sleep(100);
                }
                while (true) {
                    broker.publish("plant/meter", "{\"power\":{\"active\":42.5}}");
                    Thread.sleep(300);
                    TagValue v = rt.table().tag("METER_POWER").orElseThrow().value();
                    if (v.isGood()) {
                        assertEquals(42.5, v.value());
                        assertEquals("plant/meter", rt.table().tag("METER_TOPIC").orElseThrow().value().value());
                        return;
                    }
                    assertTrue(System.nanoTime() < deadline, "no value from mosquitto_pub reached METER_POWER: " + v);
                }
            }
        }
    }
}

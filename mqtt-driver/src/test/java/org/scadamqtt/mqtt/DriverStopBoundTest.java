package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.mqtt.internal.MqttDriver;

/** stop() is bounded even when the host's publish never returns and ignores interrupts. */
class DriverStopBoundTest {

    @TempDir
    Path dir;

    @Test
    void aLineStopsWithinItsBoundWithAStuckHostCall() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        DriverContext host = new PublishingHost(dir, "h", (station, batch) -> {
            if (batch.stream().anyMatch(u -> "v".equals(u.tag()) && u.value().isGood())) {
                stuck.countDown();
                long end = System.currentTimeMillis() + 60_000;
                while (System.currentTimeMillis() < end) { // a host that ignores interrupts
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ignored) {
                        // keeps waiting
                    }
                }
            }
        });
        LineConfig line = TestConfigs.line("L", List.of("h"), TestConfigs.params("payloadType", "JSON"),
                TestConfigs.station("S", "t", TestConfigs.params(), TestConfigs.tag("v", "Ai", "JA=v")));
        FakeSession[] holder = new FakeSession[1];
        MqttDriver driver = new MqttDriver(line, host, FakeSession.factory(holder));
        driver.start();
        holder[0].connect();
        holder[0].deliver("t", "{\"v\": 1}", 0, 0);
        assertTrue(stuck.await(5, TimeUnit.SECONDS), "the host call is stuck");
        long t0 = System.nanoTime();
        driver.stop();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 7_000, "stop() returned after " + ms + " ms (bound: 5 s for the threads)");
    }
}

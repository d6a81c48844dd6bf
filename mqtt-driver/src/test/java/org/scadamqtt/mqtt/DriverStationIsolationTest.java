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

/**
 * A station whose values the host takes very long to accept (its publish call blocks) does not hold
 * up the other stations of the line: their values still arrive, however small the worker pool is.
 */
class DriverStationIsolationTest {

    @TempDir
    Path dir;

    @Test
    void aStationStuckInTheHostsCallDoesNotHoldUpTheOthers() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch othersArrived = new CountDownLatch(3);
        DriverContext host = new PublishingHost(dir, "h", (station, batch) -> {
            boolean good = batch.stream().anyMatch(u -> u.tag().startsWith("v") && u.value().isGood());
            if ("SLOW".equals(station) && good) {
                stuck.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (good) {
                othersArrived.countDown();
            }
        });
        LineConfig line = TestConfigs.line("L", List.of("h"), TestConfigs.params("payloadType", "JSON"),
                TestConfigs.station("SLOW", "slow", TestConfigs.params(), TestConfigs.tag("v0", "Ai", "JA=v")),
                TestConfigs.station("A", "a", TestConfigs.params(), TestConfigs.tag("v1", "Ai", "JA=v")),
                TestConfigs.station("B", "b", TestConfigs.params(), TestConfigs.tag("v2", "Ai", "JA=v")),
                TestConfigs.station("C", "c", TestConfigs.params(), TestConfigs.tag("v3", "Ai", "JA=v")));
        FakeSession[] holder = new FakeSession[1];
        MqttDriver driver = new MqttDriver(line, host, FakeSession.factory(holder));
        try {
            driver.start();
            holder[0].connect();
            holder[0].deliver("slow", "{\"v\": 1}", 0, 0);
            assertTrue(stuck.await(5, TimeUnit.SECONDS), "the slow station's host call started");
            holder[0].deliver("slow", "{\"v\": 2}", 0, 0);
            holder[0].deliver("a", "{\"v\": 1}", 0, 0);
            holder[0].deliver("b", "{\"v\": 1}", 0, 0);
            holder[0].deliver("c", "{\"v\": 1}", 0, 0);
            assertTrue(othersArrived.await(5, TimeUnit.SECONDS),
                    "the other stations' values did not arrive while one station was stuck in the host");
        } finally {
            release.countDown();
            driver.stop();
        }
    }
}

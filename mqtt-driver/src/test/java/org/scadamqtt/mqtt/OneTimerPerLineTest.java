package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;

/**
 * A line has one timer thread, shared by its stations and its MQTT session: a line whose broker
 * refuses connections keeps its reconnect back-off on the driver's timer, and stop ends every thread.
 */
class OneTimerPerLineTest {

    @TempDir
    Path dir;

    @Test
    void stationsAndSessionShareTheLinesOneTimerThread() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nobody listens once it is closed: every connect is refused
        }
        LineConfig line = TestConfigs.line("onetimer", List.of("127.0.0.1"), closedPort,
                TestConfigs.params("reconnectMinDelay", "5", "reconnectMaxDelay", "5"),
                TestConfigs.station("S", "t", TestConfigs.params("staleAfter", "60"), TestConfigs.tag("v", "TxtI", "IN_DATA")));
        RecordingContext host = new RecordingContext(dir);
        MqttDriver driver = new MqttDriver(line, host, new PahoSessionFactory());
        try {
            assertEquals(0, driver.scheduledTimers(), "nothing waits before start");
            driver.start();
            awaitDisconnectedWithBackOff(driver);
            List<String> threads = lineThreads();
            assertEquals(1, threads.stream().filter(n -> n.startsWith("scada-mqtt-onetimer-timer-")).count(),
                    "timer threads of the line: " + threads);
            assertEquals(List.of(), threads.stream().filter(n -> !n.matches("scada-mqtt-onetimer-(timer|client|station)-\\d+"))
                    .toList(), "threads of the line with another role");
            // the session's reconnect back-off waits on the driver's timer, next to the station's staleness check
            assertTrue(driver.scheduledTimers() >= 2, "timers on the line's timer: " + driver.scheduledTimers());
        } finally {
            driver.stop();
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!lineThreads().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), lineThreads(), "threads left after stop");
    }

    private static void awaitDisconnectedWithBackOff(MqttDriver driver) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            var s = driver.status();
            if (s.state() == LineState.DISCONNECTED && s.reason().contains("next attempt in")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the line did not wait for its next attempt: " + driver.status());
    }

    private static List<String> lineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("scada-mqtt-onetimer-")).sorted().toList();
    }
}

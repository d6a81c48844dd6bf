package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.WriteResult;

class LineStopperTest {

    /** A driver whose stop takes {@code millis}, or never ends when negative. */
    private static Driver slow(long millis, CountDownLatch stopped) {
        return new Driver() {
            @Override
            public void start() {
            }

            @Override
            public void reconfigure(LineConfig newConfig) {
            }

            @Override
            public CompletionStage<WriteResult> write(String tag, Object value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void control(String station, StationControl control) {
            }

            @Override
            public LineStatus status() {
                return null;
            }

            @Override
            public void stop() {
                try {
                    Thread.sleep(millis < 0 ? Long.MAX_VALUE : millis);
                    stopped.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    @Test
    void linesStopInParallel() {
        CountDownLatch stopped = new CountDownLatch(5);
        Map<String, Driver> drivers = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            drivers.put("L" + i, slow(600, stopped));
        }
        long t0 = System.nanoTime();
        List<String> late = LineStopper.stopAll(drivers, Duration.ofSeconds(10));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of(), late);
        assertEquals(0, stopped.getCount());
        assertTrue(ms < 5 * 600, "five lines of 0.6 s each stopped in " + ms + " ms, not one after the other");
    }

    @Test
    void aStuckLineDoesNotHoldTheHostPastTheBound() {
        CountDownLatch stopped = new CountDownLatch(1);
        Map<String, Driver> drivers = new LinkedHashMap<>();
        drivers.put("STUCK", slow(-1, new CountDownLatch(1)));
        drivers.put("OK", slow(10, stopped));
        long t0 = System.nanoTime();
        List<String> late = LineStopper.stopAll(drivers, Duration.ofMillis(500));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of("STUCK"), late);
        assertEquals(0, stopped.getCount(), "the other line stopped");
        assertTrue(ms < 3000, "returned after " + ms + " ms");
    }
}

package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void withoutJitterDoublesFromMinUpToMax() {
        Backoff b = new Backoff(MIN, MAX, () -> 0.5); // 0.5 = exactly the middle: no spread
        long[] expected = {1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (long ms : expected) {
            assertEquals(ms, b.next().toMillis());
        }
    }

    @Test
    void jitterSpreadsButStaysWithinMinAndMax() {
        Backoff low = new Backoff(MIN, MAX, () -> 0.0);
        Backoff high = new Backoff(MIN, MAX, () -> 0.999999);
        assertEquals(1000, low.next().toMillis(), "never below min");
        low.next();
        assertEquals(3200, low.next().toMillis(), "4 s minus 20 %");
        high.next();
        high.next();
        assertEquals(4799, high.next().toMillis(), "4 s plus 20 %");
        for (int i = 0; i < 10; i++) {
            assertTrue(high.next().compareTo(MAX) <= 0, "never above max");
        }
    }

    @Test
    void manyLinesDoNotRetryInLockstep() {
        Random r = new Random(42);
        Set<Long> delays = new HashSet<>();
        for (int line = 0; line < 20; line++) {
            Backoff b = new Backoff(MIN, MAX, r::nextDouble);
            b.next();
            delays.add(b.next().toMillis());
        }
        assertTrue(delays.size() > 10, "second delays of 20 lines should differ: " + delays);
    }

    @Test
    void resetStartsAgainAtMin() {
        Backoff b = new Backoff(MIN, MAX, () -> 0.5);
        b.next();
        b.next();
        assertEquals(2, b.failures());
        b.reset();
        assertEquals(1000, b.next().toMillis());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, MAX, () -> 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Backoff(MAX, MIN, () -> 0.5));
        assertTrue(e.getMessage().contains("reconnectMaxDelay"), e.getMessage());
    }
}

package org.scadamqtt.mqtt.profiles.wegnology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    /** Sends as fast as the limiter lets, on four topics; counts every 15 s window. */
    @Test
    void noFifteenSecondWindowHoldsMoreThanThirtyPerTopicOrThreeHundredInAll() {
        RateLimiter r = new RateLimiter();
        List<long[]> sent = new ArrayList<>(); // time, topic
        long now = 0;
        for (int i = 0; i < 2000; i++) {
            int topic = i % 4;
            now = Math.max(now, r.earliest("t" + topic));
            r.sent("t" + topic, now);
            sent.add(new long[] {now, topic});
        }
        for (int i = 0; i < sent.size(); i++) {
            long from = sent.get(i)[0];
            int all = 0;
            int[] per = new int[4];
            for (int j = i; j < sent.size() && sent.get(j)[0] < from + 15 * SECOND; j++) {
                all++;
                per[(int) sent.get(j)[1]]++;
            }
            assertTrue(all <= 300, "all: " + all);
            for (int p : per) {
                assertTrue(p <= 30, "per topic: " + p);
            }
        }
        assertTrue(now < 2000 / 4 * 0.54 * SECOND, "and no slower than needed: " + now / SECOND + " s");
    }
}

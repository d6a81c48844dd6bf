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

    /**
     * The per-connection limit on its own: on 40 topics the per-topic pacing alone would let 1,200
     * messages into a 15 s window (the four-topic test above never reaches 300, so it passes
     * without the connection limit); no window may hold more than 300.
     */
    @Test
    void onManyTopicsTheConnectionLimitHoldsToo() {
        RateLimiter r = new RateLimiter();
        int topics = 40;
        long[] times = new long[3000];
        long now = 0;
        for (int i = 0; i < times.length; i++) {
            String topic = "t" + i % topics;
            now = Math.max(now, r.earliest(topic));
            r.sent(topic, now);
            times[i] = now;
        }
        int most = 0;
        for (int i = 0, j = 0; i < times.length; i++) {
            while (times[i] - times[j] >= 15 * SECOND) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        assertTrue(most <= 300, "most in a 15 s window: " + most);
        assertTrue(most >= 250, "and the connection is not throttled below its limit: " + most);
    }
}

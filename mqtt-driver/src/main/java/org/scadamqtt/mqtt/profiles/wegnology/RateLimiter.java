package org.scadamqtt.mqtt.profiles.wegnology;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When the next message may go out so that the broker's limits hold even as a subscriber's
 * clock measures them: at most 30 messages per 15 s per topic and 300 per 15 s per connection.
 * Messages are paced evenly (one per topic every 16 s / 30, one per connection every 16 s /
 * 300): any 31 messages of a topic then span at least 16 s, the extra second absorbing delivery
 * jitter, and no write waits behind a burst for long. Not thread-safe (the reporter's lock).
 */
final class RateLimiter {

    /** The platform's window with a second of margin. */
    static final Duration WINDOW = Duration.ofSeconds(16);
    static final int PER_TOPIC = 30;
    static final int PER_CONNECTION = 300;

    private final long topicGap;
    private final long connectionGap;
    private final Map<String, Long> lastByTopic = new HashMap<>();
    private long last = Long.MIN_VALUE;

    RateLimiter() {
        this(WINDOW, PER_TOPIC, PER_CONNECTION);
    }

    RateLimiter(Duration window, int perTopic, int perConnection) {
        this.topicGap = window.toNanos() / perTopic;
        this.connectionGap = window.toNanos() / perConnection;
    }

    /** The earliest {@code System.nanoTime()} a message on {@code topic} may be sent. */
    long earliest(String topic) {
        Long t = lastByTopic.get(topic);
        long byTopic = t == null ? Long.MIN_VALUE : t + topicGap;
        long byConnection = last == Long.MIN_VALUE ? Long.MIN_VALUE : last + connectionGap;
        return Math.max(byTopic, byConnection);
    }

    /** A message on {@code topic} goes out at {@code now}. */
    void sent(String topic, long now) {
        lastByTopic.put(topic, now);
        last = now;
    }
}

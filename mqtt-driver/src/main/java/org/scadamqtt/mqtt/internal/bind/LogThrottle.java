package org.scadamqtt.mqtt.internal.bind;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides whether a repeated log line may be written now: at most one line per key and period,
 * so a flood of bad payloads cannot flood the log. The suppressed count goes into the next line.
 * Thread-safe.
 */
public final class LogThrottle {

    private record Slot(AtomicLong nextAllowedMillis, AtomicLong suppressed) {
    }

    private final Clock clock;
    private final long periodMillis;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    public LogThrottle(Clock clock, Duration period) {
        this.clock = clock;
        this.periodMillis = period.toMillis();
    }

    /** One line per key every 10 seconds. */
    public static LogThrottle tenSeconds(Clock clock) {
        return new LogThrottle(clock, Duration.ofSeconds(10));
    }

    /**
     * Whether a line for this key may be logged now.
     *
     * @return -1 when it must be suppressed, else how many lines were suppressed since the last one
     */
    public long permit(String key) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot(new AtomicLong(Long.MIN_VALUE), new AtomicLong()));
        long now = clock.millis();
        long next = slot.nextAllowedMillis().get();
        if (now >= next && slot.nextAllowedMillis().compareAndSet(next, now + periodMillis)) {
            return slot.suppressed().getAndSet(0);
        }
        slot.suppressed().incrementAndGet();
        return -1;
    }

    /** Text to append to a log line that says how many were left out; empty when none. */
    public static String suppressedNote(long suppressed) {
        return suppressed > 0 ? " (" + suppressed + " similar messages suppressed)" : "";
    }
}

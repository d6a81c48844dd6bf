package org.scadamqtt.mqtt.internal.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays of one line: starts at {@code min}, doubles per failed round up to
 * {@code max}, each delay spread by ±20 % (never below min nor above max) so that many lines
 * do not hit a restarted broker in the same instant. Not thread-safe (one line, one thread).
 */
public final class Backoff {

    private static final double JITTER = 0.2;

    private final long minNanos;
    private final long maxNanos;
    private final DoubleSupplier random;
    private int failures;

    /**
     * @param min    first delay (greater than zero)
     * @param max    longest delay (at least min)
     * @param random uniform numbers in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
     */
    public Backoff(Duration min, Duration max, DoubleSupplier random) {
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("reconnectMinDelay must be greater than 0, found " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay (" + max.toMillis()
                    + " ms) must not be shorter than reconnectMinDelay (" + min.toMillis() + " ms)");
        }
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public Duration next() {
        double base = minNanos * Math.pow(2, Math.min(failures, 40));
        failures++;
        base = Math.min(base, maxNanos);
        double jittered = base * (1 - JITTER + 2 * JITTER * random.getAsDouble());
        long nanos = (long) Math.max(minNanos, Math.min(maxNanos, jittered));
        return Duration.ofNanos(nanos);
    }

    /** After a successful connection: the next delay is min again. */
    public void reset() {
        failures = 0;
    }

    /** Failures counted since the last reset. */
    public int failures() {
        return failures;
    }
}

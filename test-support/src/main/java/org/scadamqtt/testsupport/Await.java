package org.scadamqtt.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for conditions another thread makes true: polled, never an unbounded loop. */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** {@link #waitFor(Duration, String, BooleanSupplier)} in whole seconds. */
    public static void waitFor(int seconds, String what, BooleanSupplier condition) throws InterruptedException {
        waitFor(Duration.ofSeconds(seconds), what, condition);
    }

    /**
     * Returns as soon as {@code condition} holds; fails naming {@code what} when it did not within
     * {@code timeout}. An exception from the condition fails the wait at once.
     */
    public static void waitFor(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}

package org.scadamqtt.mqtt.profile.testing;

/**
 * The fuzz tests' "one message took too long" check, made deaf to the machine: a message over the
 * limit is decoded once more and counts as slow only when it is over the limit again. A decoder
 * that is slow on an input is slow on it every time; a garbage collection or a loaded machine
 * (a build on 2 cores beside other builds) stalls one run, not two in a row.
 */
public final class SlowInput {

    private SlowInput() {
    }

    /** True when {@code firstNanos} and a second run of {@code decodeAgain} both took over {@code limitNanos}. */
    public static boolean slowTwice(long firstNanos, long limitNanos, Runnable decodeAgain) {
        if (firstNanos <= limitNanos) {
            return false;
        }
        long t0 = System.nanoTime();
        decodeAgain.run();
        return System.nanoTime() - t0 > limitNanos;
    }
}
